/**
 * The desk's wire format: the JSON its server sends (`views.ts` returns these types) and its page
 * reads (`desk-ui/`, compiled apart with the DOM library, imports them as types only). A
 * declaration file with no imports, so both programs share it; the server's values are checked
 * against it by tsc (a soz `Finding` must fit the `Finding` here).
 */

export interface Place {
  readonly documentId: string;
  readonly evidenceName: string;
  readonly segmentId: string;
  readonly range: readonly [number, number];
  readonly line: number;
  readonly column: number;
  readonly page?: number;
  readonly messageId?: string;
  /** Text read by OCR: the picture (evidence file, posted photo, or rendered PDF page) and the box of the finding's words. */
  readonly image?: { readonly sha256: string; readonly page?: number; readonly entry?: string; readonly box: Box };
}

export interface Finding {
  readonly id: string;
  readonly analysis: string;
  readonly ruleId: string;
  readonly category: string;
  readonly reason: string;
  readonly place: Place;
  readonly actual: string;
  readonly author?: string;
  readonly originalAuthor?: string;
  readonly voice: string;
  readonly countervailing: readonly string[];
  readonly note?: string;
  readonly mainstreamMeaning?: string;
}

/** Pixels from a picture's top-left corner: left, top, width, height. */
export type Box = readonly [number, number, number, number];

/**
 * A candidate on a PDF page with a text layer (`GET /api/page-region?finding=…`): the page in
 * points (1/72 in, from its top-left corner) with the boxes of the candidate's words and of the
 * text runs they lie in, or why its words cannot be boxed exactly. `rendered`: the server can draw
 * the page (`GET /picture?finding=…`; pdftoppm is installed).
 */
export type PageRegion = {
  readonly page: number;
  readonly rendered: boolean;
} & ({ readonly mapped: true; readonly width: number; readonly height: number; readonly words: readonly Box[]; readonly runs: readonly Box[] } | { readonly mapped: false; readonly why: 'normalised' | 'text-differs' | 'unreadable' });

export type Status = 'open' | 'accepted' | 'rejected';

export interface Candidate {
  readonly finding: Finding;
  readonly status: Status;
  readonly reason?: string;
  readonly questionIds: readonly string[];
  readonly examinerVoice?: string;
  readonly voiceReason?: string;
  /** Date of the candidate's message as recorded (ISO); absent when the source gives none. */
  readonly date?: string;
  /** Text read by OCR: the box of each word of the finding, in the picture's pixels. */
  readonly wordBoxes?: readonly Box[];
}

export interface SegmentView {
  readonly id: string;
  readonly range: readonly [number, number];
  readonly page?: number;
  readonly messageId?: string;
  readonly author?: string;
  readonly time?: string;
  readonly role?: string;
  readonly replyTo?: string;
  readonly forwardedFrom?: string;
}

export interface DocumentView {
  readonly id: string;
  readonly evidenceName: string;
  readonly text: string;
  readonly segments: readonly SegmentView[];
}

export interface DocumentSummary {
  readonly id: string;
  readonly evidenceName: string;
  readonly characters: number;
  readonly segments: number;
}

export interface Session {
  readonly language: string;
  readonly labels: Record<string, string>;
  readonly voices: Record<string, string>;
  readonly categories: Record<string, string>;
  readonly counterIndicators: Record<string, string>;
  /** Most the files attached to one step record in the desk may hold together, MiB. */
  readonly attachmentMiB: number;
}

export interface CaseSummary {
  /** `null` where `case.json` records none (a quick `soz run`): the page says "not recorded". */
  readonly caseNumber: string | null;
  readonly examiner: string | null;
  readonly reportLanguage: string;
  readonly documents: number;
  readonly candidates: number;
  readonly reviewed: number;
  readonly questions: readonly { id: string; text: string }[];
}

export interface KwicLine {
  readonly documentId: string;
  readonly evidenceName: string;
  readonly segmentId: string;
  readonly messageId?: string;
  readonly author?: string;
  readonly range: readonly [number, number];
  readonly left: string;
  readonly keyword: string;
  readonly right: string;
}

export interface Concordance {
  readonly word: string;
  readonly lemma: boolean;
  readonly lines: readonly KwicLine[];
  readonly collocates: readonly { item: string; observed: number; frequency: number; logLikelihood: number; mutualInformation: number }[];
  readonly dispersion: {
    readonly documents: readonly { id: string; evidenceName: string; length: number }[];
    readonly points: readonly { documentId: string; offset: number; length: number; time?: string }[];
  };
}

export interface Question {
  readonly id: string;
  readonly text: string;
  readonly flagged: boolean;
  readonly guardMatches: readonly string[];
  readonly disposition: string;
  /** Reformulated: the new wording and the consent; declined: why. */
  readonly detail?: string;
  /** The examiner's recorded answer (Markdown text), if any. */
  readonly answer?: string;
  readonly answerSha256?: string;
  readonly answerLegalWording: readonly string[];
  /** Why the legal wording stays in the answer (`soz question override`), if the examiner kept it. */
  readonly answerOverride?: string;
}

/** One expert as recorded: acknowledgement of liability, and whether their signature covers their part as it now stands. */
export interface Expert {
  readonly id: string;
  readonly name: string;
  readonly speciality: string;
  readonly qualification: string;
  readonly experienceYears: number;
  readonly institution: string;
  readonly acknowledgement?: string;
  readonly signature: 'none' | 'current' | 'stale';
}

/** One fact of the conclusion's introductory part (`soz case set`): its key, what is recorded, the values it admits (if a choice). */
export interface CaseFact {
  readonly key: string;
  readonly value?: string;
  /** Needed for a final conclusion. */
  readonly required: boolean;
  /** `YYYY-MM-DD`. */
  readonly date: boolean;
  readonly choices?: readonly { readonly value: string; readonly name: string }[];
}

/** One step of the SOP checklist with what recording it asks for. */
export interface ProcedureStep {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly kind: 'automated' | 'examiner';
  readonly state: string;
  readonly requiredForFinal: boolean;
  readonly afterFinal: boolean;
  readonly waitingFor: readonly string[];
  readonly fields: readonly string[];
  readonly optionalFields: readonly string[];
  readonly skipReasons: readonly { readonly id: string; readonly title: string; readonly named: boolean }[];
  readonly actor?: string;
  /** The examiner's record (done or skipped): what can be withdrawn, with the files attached to it. */
  readonly record?: { readonly note: string; readonly fields: Readonly<Record<string, string>>; readonly skipReason?: string; readonly files: readonly { readonly originalName: string; readonly sha256: string }[] };
}

export interface Procedure {
  readonly procedure: string;
  readonly steps: readonly ProcedureStep[];
  readonly questions: readonly Question[];
  /** Evidence items with the relation of the person concerned, where known (the context step needs every one). */
  readonly items: readonly { readonly sha256: string; readonly name: string; readonly relation?: string; readonly note?: string }[];
  readonly relations: readonly string[];
  /** The introductory part's facts, in the order of `soz case set`. */
  readonly facts: readonly CaseFact[];
  /** The experts of a complex or commission expertise (`soz expert …`) and the joint section (`soz sop joint`, `dissent`). */
  readonly experts: readonly Expert[];
  readonly joint: { readonly conclusions: string; readonly dissents: readonly { readonly expertId: string; readonly text: string }[] } | null;
  /** The Rabat worksheets (`soz sop rabat`): the parts named as the conclusion names them, the worksheets, the accepted findings, those no worksheet covers. */
  readonly rabat: {
    readonly heading: string;
    readonly intro: string;
    readonly parts: readonly { readonly key: string; readonly name: string }[];
    readonly worksheets: readonly { readonly findingIds: readonly string[]; readonly parts: Readonly<Record<string, string>> }[];
    readonly accepted: readonly string[];
    readonly uncovered: readonly string[];
  };
  /** Specialities an expert may have, with their names in the desk's language. */
  readonly specialities: readonly { readonly value: string; readonly name: string }[];
  readonly blocksFinal: readonly string[];
}

/** A stretch of a passage's text: `differs` when it is a word marked as differing (its marks `⟦` `⟧` kept). */
export interface TextPart {
  readonly text: string;
  readonly differs: boolean;
}

/** One passage of known material as the report labels it, both texts split at the difference marks. */
export interface KnownPassage {
  /** The candidate finding that carries this match into review. */
  readonly findingId: string;
  readonly title: string;
  readonly evidencePlace: string;
  readonly libraryPlace: string;
  readonly words: string;
  readonly decisionReason: string | null;
  readonly evidenceText: readonly TextPart[];
  readonly libraryText: readonly TextPart[];
}

/** The known-material view: `compared: false` while the case was never compared with a library. */
export type KnownMaterial =
  | { readonly compared: false }
  | {
      readonly compared: true;
      readonly heading: string;
      readonly intro: string;
      readonly library: string;
      readonly marks: string;
      readonly none: string | null;
      readonly evidenceSide: string;
      readonly librarySide: string;
      readonly evidence: readonly {
        readonly title: string;
        readonly items: readonly { readonly title: string; readonly decision: string; readonly shares: string; readonly passages: readonly KnownPassage[] }[];
      }[];
    };
