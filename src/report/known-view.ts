/**
 * The known-material section of the conclusion: per evidence item, the library items its text
 * reproduces (as `soz compare` found them), how much of each side, both places, the court decision
 * the library records, the two passages with their differences marked, and the examiner's decision
 * on each match. It states what matches what; whether that matters is the examiner's question. Pure.
 */
import type { EvidenceRecord } from '../core/case.js';
import { compareCodeUnits } from '../core/canonical-json.js';
import type { ReviewDecision } from '../core/examiner.js';
import type { CompareResult, ItemProvenance, ReuseMatch } from '../core/known-material.js';

/** One matched passage: both places and texts (differences between `⟦` `⟧`), and the review. */
export interface KnownPassageView {
  readonly findingId: string;
  readonly status: 'accepted' | 'rejected' | 'unreviewed';
  readonly decisionReason: string | null;
  readonly evidence: { readonly documentId: string; readonly range: readonly [number, number]; readonly page: number | null; readonly messageId: string | null; readonly text: string };
  readonly library: { readonly documentId: string; readonly range: readonly [number, number]; readonly text: string };
  readonly sameWords: number;
  readonly differingWords: number;
}

/** One library item an evidence document reproduces. */
export interface KnownItemView {
  readonly documentId: string;
  readonly itemName: string;
  readonly itemSha256: string;
  readonly provenance: ItemProvenance;
  /** Share (0–1) of the library item's words the passages cover. */
  readonly itemShare: number;
  /** Share (0–1) of the evidence document's words the passages cover. */
  readonly documentShare: number;
  readonly passages: readonly KnownPassageView[];
}

/** The section: which library version was compared, and per evidence item what it reproduces. */
export interface KnownMaterialView {
  readonly libraryHead: string;
  readonly libraryItems: number;
  readonly minWords: number;
  readonly evidence: readonly { readonly evidenceName: string; readonly evidenceSha256: string; readonly items: readonly KnownItemView[] }[];
}

function passageView(match: ReuseMatch, decision: ReviewDecision | undefined): KnownPassageView {
  return {
    findingId: match.findingId,
    status: decision?.decision ?? 'unreviewed',
    decisionReason: decision?.reason ?? null,
    evidence: { documentId: match.evidence.documentId, range: match.evidence.range, page: match.evidence.anchor?.page ?? null, messageId: match.evidence.anchor?.messageId ?? null, text: match.evidence.text },
    library: { documentId: match.library.documentId, range: match.library.range, text: match.library.text },
    sameWords: match.sameWords,
    differingWords: match.differingWords,
  };
}

/** The section's view of a comparison, evidence items in custody order; null when the case was never compared. */
export function knownMaterialView(comparison: CompareResult | null, evidence: readonly EvidenceRecord[], decisions: readonly ReviewDecision[]): KnownMaterialView | null {
  if (comparison === null) return null;
  const byFinding = new Map(decisions.map((decision) => [decision.findingId, decision]));
  const items = (sha: string): KnownItemView[] =>
    comparison.documents
      .filter((doc) => comparison.matches.some((match) => match.evidence.documentId === doc.documentId && match.evidence.evidenceSha256 === sha))
      .sort((a, b) => compareCodeUnits(a.documentId, b.documentId))
      .flatMap((doc) =>
        doc.items.map((item) => {
          const matches = comparison.matches.filter((match) => match.evidence.documentId === doc.documentId && match.library.itemSha256 === item.itemSha256 && match.library.documentId === item.libraryDocumentId);
          const first = matches[0]!;
          return {
            documentId: doc.documentId,
            itemName: first.library.originalName,
            itemSha256: item.itemSha256,
            provenance: first.library.provenance,
            itemShare: item.itemShare,
            documentShare: item.documentShare,
            passages: matches.map((match) => passageView(match, byFinding.get(match.findingId))),
          };
        }),
      );
  return {
    libraryHead: comparison.libraryHead,
    libraryItems: comparison.libraryItems,
    minWords: comparison.parameters.minWords,
    evidence: evidence.map((record) => ({ evidenceName: record.originalName, evidenceSha256: record.sha256, items: items(record.sha256) })).filter((row) => row.items.length > 0),
  };
}

/** A share (0–1) as a percentage with one decimal, the same in every language. */
export function sharePercent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}
