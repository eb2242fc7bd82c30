import type { AnalysisResult } from '../core/analysis-result.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { Finding } from '../core/finding.js';
import { recordsToCsv } from '../analysis/csv.js';

type Row = Readonly<Record<string, unknown>>;

/**
 * The CSV form of an analysis result, for spreadsheets: findings one per row with their place,
 * voice and countervailing circumstances; statistical tables (`rows`, `lines`) flattened with the
 * scalar fields of their parent (n, query, node). Null when the result has no table. Every cell
 * goes through the formula-neutralising CSV writer.
 */
export function analysisCsv(result: AnalysisResult): string | null {
  const table = analysisTable(result);
  return table === null ? null : recordsToCsv(table.columns, table.rows);
}

/** The table of an analysis result, as its CSV and XLSX export write it; null when it has none. */
export function analysisTable(result: AnalysisResult): { columns: readonly string[]; rows: readonly Row[] } | null {
  if (result.findings) return { columns: FINDING_COLUMNS, rows: result.findings.map(findingRow) };
  const rows = tableRows(result.data);
  return rows.length === 0 ? null : { columns: columnsOf(rows), rows };
}

/** The CSV of findings: the byte-order mark and header row, then one row per finding (see `findingsCsvRows`). */
export function findingsCsv(findings: readonly Finding[]): string {
  return recordsToCsv(FINDING_COLUMNS, findings.map(findingRow));
}

/**
 * `findingsCsv(findings)` in parts of a thousand rows: the same bytes without one string of them
 * all, nor an array of them all when `findings` is read as it goes (a spill file).
 */
export function* findingsCsvParts(findings: Iterable<Finding>): Generator<string> {
  yield findingsCsv([]);
  let group: Finding[] = [];
  for (const finding of findings) {
    group.push(finding);
    if (group.length === 1000) {
      yield findingsCsvRows(group);
      group = [];
    }
  }
  yield findingsCsvRows(group);
}

/**
 * The rows of `findings` alone, each ending with CRLF: `findingsCsv([])` followed by the rows of
 * each group of findings in turn is `findingsCsv` of all of them, so a huge table can be written
 * in parts.
 */
export function findingsCsvRows(findings: readonly Finding[]): string {
  return findings.length === 0 ? '' : findingsCsv(findings).slice(findingsCsv([]).length);
}

const FINDING_COLUMNS = [
  'id', 'category', 'ruleId', 'reason', 'evidenceName', 'evidenceSha256', 'documentId', 'segmentId', 'part', 'page', 'messageId',
  'start', 'end', 'line', 'column', 'author', 'originalAuthor', 'voice', 'countervailing', 'actual', 'left', 'right', 'mainstreamMeaning', 'lexicon', 'source',
  'matchedForm', 'matchedRule', 'unit', 'accompanying',
] as const;

function findingRow(finding: Finding): Row {
  const { place } = finding;
  return {
    id: finding.id,
    category: finding.category,
    ruleId: finding.ruleId,
    reason: finding.reason,
    evidenceName: place.evidenceName,
    evidenceSha256: place.evidenceSha256,
    documentId: place.documentId,
    segmentId: place.segmentId,
    part: place.part,
    page: place.page,
    messageId: place.messageId,
    start: place.range[0],
    end: place.range[1],
    line: place.line,
    column: place.column,
    author: finding.author,
    originalAuthor: finding.originalAuthor,
    voice: finding.voice,
    countervailing: finding.countervailing.join(' '),
    actual: finding.actual,
    left: finding.context.left,
    right: finding.context.right,
    mainstreamMeaning: finding.mainstreamMeaning,
    lexicon: finding.citation ? `${finding.citation.lexicon}@${finding.citation.lexiconVersion}` : undefined,
    source: finding.citation?.source,
    matchedForm: finding.matched?.form,
    matchedRule: finding.matched?.rule,
    unit: finding.unit,
    accompanying: finding.accompanying?.map((a) => `${a.actual} (${a.ruleId})`).join('; '),
  };
}

const isRecord = (value: unknown): value is Row => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Rows of a result's data: `data.rows`, or `rows`/`lines` of each element of an array. */
function tableRows(data: unknown): Row[] {
  if (isRecord(data) && Array.isArray(data['rows'])) return data['rows'].filter(isRecord);
  if (!Array.isArray(data)) return [];
  return data.filter(isRecord).flatMap((group) => {
    const inner = Array.isArray(group['rows']) ? group['rows'] : Array.isArray(group['lines']) ? group['lines'] : [];
    const parent = Object.fromEntries(Object.entries(group).filter(([, value]) => value === null || typeof value !== 'object'));
    return inner.filter(isRecord).map((row) => ({ ...parent, ...row }));
  });
}

/** Columns in the first row's order, then any others in code-unit order. */
function columnsOf(rows: readonly Row[]): string[] {
  const first = Object.keys(rows[0] ?? {});
  const others = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) if (!first.includes(key)) others.add(key);
  return [...first, ...[...others].sort(compareCodeUnits)];
}
