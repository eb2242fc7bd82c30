/**
 * The counts behind the concordance's frequency charts, pure over the concordance's dispersion
 * data: hits per document (with the rate per 10,000 characters, so long and short documents
 * compare) and hits per calendar month of the message date as recorded, every month between the
 * first and the last shown (an empty month is a bar of 0, not a gap closed up). Hits without a
 * date are counted apart, never dropped.
 */
import type { Concordance } from '../src/desk/wire.js';

/** One document's hits. */
export interface DocumentFrequency {
  readonly documentId: string;
  readonly evidenceName: string;
  readonly hits: number;
  /** Hits per 10,000 characters of the document. */
  readonly per10k: number;
}

/** Hits per document, in the dispersion's document order; documents without a hit included. */
export function perDocument(data: Concordance): DocumentFrequency[] {
  return data.dispersion.documents.map((doc) => {
    const hits = data.dispersion.points.filter((point) => point.documentId === doc.id).length;
    return { documentId: doc.id, evidenceName: doc.evidenceName, hits, per10k: doc.length > 0 ? (hits * 10_000) / doc.length : 0 };
  });
}

/** Hits per month (`YYYY-MM`), first to last month with a hit, and how many hits have no date. */
export function perMonth(data: Concordance): { months: { month: string; hits: number }[]; undated: number } {
  const counts = new Map<string, number>();
  let undated = 0;
  for (const point of data.dispersion.points) {
    const month = point.time !== undefined && /^\d{4}-\d{2}/.test(point.time) ? point.time.slice(0, 7) : undefined;
    if (month === undefined) undated += 1;
    else counts.set(month, (counts.get(month) ?? 0) + 1);
  }
  const known = [...counts.keys()].sort();
  const months: { month: string; hits: number }[] = [];
  if (known.length > 0) {
    for (let month = known[0]!; month <= known[known.length - 1]!; month = nextMonth(month)) months.push({ month, hits: counts.get(month) ?? 0 });
  }
  return { months, undated };
}

function nextMonth(month: string): string {
  const [year, number] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return number === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(number + 1).padStart(2, '0')}`;
}
