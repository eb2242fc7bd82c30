/**
 * The known-material section as labelled lines in the report's language, the same for every
 * format: Markdown and HTML lay them out from their templates, PDF and DOCX from the outline.
 * The passages keep their difference marks `⟦` `⟧`; HTML turns them into marked spans. Pure.
 */
import type { ConclusionLabels } from './labels.js';
import type { KnownMaterialView, KnownPassageView } from './known-view.js';
import { sharePercent } from './known-view.js';

/** `{name}` placeholders of a label replaced by the values given (an unknown name stays as written). */
export function fillLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** One passage: its review, both places, the word counts and both texts. */
export interface KnownPassageRow {
  readonly title: string;
  readonly evidencePlace: string;
  readonly libraryPlace: string;
  readonly words: string;
  readonly evidenceText: string;
  readonly libraryText: string;
  readonly decisionReason: string | null;
}

/** The section's lines: what was compared, then per evidence item each library item it reproduces. */
export interface KnownRows {
  readonly heading: string;
  readonly intro: string;
  readonly library: string;
  readonly marks: string;
  readonly none: string | null;
  readonly evidenceSide: string;
  readonly librarySide: string;
  readonly evidence: readonly {
    readonly title: string;
    readonly items: readonly { readonly title: string; readonly decision: string; readonly shares: string; readonly passages: readonly KnownPassageRow[] }[];
  }[];
}

function passageRow(passage: KnownPassageView, labels: ConclusionLabels, number: number): KnownPassageRow {
  const k = labels.known;
  const anchor = [passage.evidence.page !== null ? `${labels.page} ${passage.evidence.page}` : null, passage.evidence.messageId !== null ? `${labels.message} ${passage.evidence.messageId}` : null].filter((part) => part !== null);
  return {
    title: `${k.passage} ${number} — ${passage.findingId}, ${k[passage.status]}`,
    evidencePlace: `${k.evidenceSide}: ${[passage.evidence.documentId, ...anchor, `${labels.offsets} [${passage.evidence.range[0]}, ${passage.evidence.range[1]})`].join(', ')}`,
    libraryPlace: `${k.librarySide}: ${passage.library.documentId}, ${labels.offsets} [${passage.library.range[0]}, ${passage.library.range[1]})`,
    words: fillLabel(k.words, { same: passage.sameWords, differing: passage.differingWords }),
    evidenceText: passage.evidence.text,
    libraryText: passage.library.text,
    decisionReason: passage.decisionReason,
  };
}

/** The labelled lines of the section. */
export function knownRows(view: KnownMaterialView, labels: ConclusionLabels): KnownRows {
  const k = labels.known;
  return {
    heading: k.heading,
    intro: k.intro,
    library: fillLabel(k.library, { head: view.libraryHead, items: view.libraryItems, minWords: view.minWords }),
    marks: k.marks,
    none: view.evidence.length === 0 ? k.none : null,
    evidenceSide: k.evidenceSide,
    librarySide: k.librarySide,
    evidence: view.evidence.map((row) => ({
      title: `${row.evidenceName} (SHA-256 ${row.evidenceSha256})`,
      items: row.items.map((item) => ({
        title: fillLabel(k.reproduces, { document: item.documentId, item: `${item.itemName} (SHA-256 ${item.itemSha256})` }),
        decision: fillLabel(k.decision, { court: item.provenance.court, date: item.provenance.decisionDate, number: item.provenance.decisionNumber, list: item.provenance.list, entry: item.provenance.entry }),
        shares: fillLabel(k.shares, { item: sharePercent(item.itemShare), document: sharePercent(item.documentShare) }),
        passages: item.passages.map((passage, index) => passageRow(passage, labels, index + 1)),
      })),
    })),
  };
}

