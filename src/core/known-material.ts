/**
 * Known material as data: the result of `soz compare` (passages of the evidence that reproduce
 * items of the lab's reference library) as `compare/matches.json` holds it. Every layer reads these
 * types: the pipeline writes them, `case/` reads them back, the report and the desk show them.
 * A match states what matches what and cites the decision the library records; it is no verdict.
 */
import type { SourceAnchor } from './document.js';
import type { Finding } from './finding.js';

/** Schema tag of `compare/matches.json`. */
export const COMPARE_SCHEMA = 'soz.compare/2';

/** Analysis name of the findings a comparison makes (one per match, reviewed like any candidate). */
export const KNOWN_MATERIAL_ANALYSIS = 'compare';

/** Category of those findings; the report labels it in its own language. */
export const KNOWN_MATERIAL_CATEGORY = 'known-material';

/** Where a library item comes from, as the lab recorded it (`soz library add`). */
export interface ItemProvenance {
  readonly court: string;
  /** `YYYY-MM-DD`. */
  readonly decisionDate: string;
  readonly decisionNumber: string;
  /** The published list the decision entered the item in. */
  readonly list: string;
  /** The item's entry number in that list. */
  readonly entry: string;
  readonly language: string;
  readonly notes: string;
}

/** One side of a passage. Offsets are 0-based UTF-16 code units, ranges half-open. */
export interface PassagePlace {
  readonly documentId: string;
  readonly range: readonly [number, number];
  /** Word indices `[start, end)` among the document's matched words. */
  readonly words: readonly [number, number];
  /** Share (0–1) of the document's words inside this passage. */
  readonly share: number;
  /** The passage as written, differing words between the marks `⟦` `⟧` (see `analysis/reuse/marked.ts`). */
  readonly text: string;
}

/** One reused passage, with both places and the decision the library records for the item. */
export interface ReuseMatch {
  /** Id of the finding that carries this match into review and the report. */
  readonly findingId: string;
  readonly evidence: PassagePlace & {
    readonly evidenceName: string;
    readonly evidenceSha256: string;
    /** Where the passage starts in the evidence file (page, paragraph, message…). */
    readonly anchor: SourceAnchor | null;
  };
  readonly library: PassagePlace & { readonly itemSha256: string; readonly originalName: string; readonly provenance: ItemProvenance };
  /** Words paired as the same word (exactly, or within OCR-noise distance, or across scripts). */
  readonly sameWords: number;
  /** Words of either side marked as differing (inserted, dropped, or spelled differently). */
  readonly differingWords: number;
}

/** Per evidence document: how much of it reproduces library text (union of its passages). */
export interface DocumentCoverage {
  readonly documentId: string;
  readonly evidenceName: string;
  readonly words: number;
  readonly matches: number;
  readonly share: number;
  /** Per library item (index order) this document reproduces: share of the item and of the document covered. */
  readonly items: readonly { readonly itemSha256: string; readonly libraryDocumentId: string; readonly itemShare: number; readonly documentShare: number }[];
}

/** What `compare/matches.json` holds. */
export interface CompareResult {
  readonly schema: typeof COMPARE_SCHEMA;
  /** Hash of the library log's last entry: the library version compared against. */
  readonly libraryHead: string;
  /** Items in the library at that version. */
  readonly libraryItems: number;
  readonly parameters: { readonly k: number; readonly w: number; readonly minWords: number };
  readonly documents: readonly DocumentCoverage[];
  readonly matches: readonly ReuseMatch[];
  /** One candidate finding per match (same order), reviewed with `soz review` like the others. */
  readonly findings: readonly Finding[];
}
