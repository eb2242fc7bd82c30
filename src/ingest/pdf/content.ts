import type { RunFlag } from './text-runs.js';

/**
 * Everything soz reads from one PDF, as plain data: it is built in a worker thread and sent to
 * the calling thread by structured clone, where `pdf.ts` turns it into a document. Pages are
 * 1-based; strings are as pdf.js decoded them (not yet sanitised).
 */
export interface PdfContent {
  /** Text of each page as pdf-parse joins pdf.js text items; index 0 is page 1. */
  readonly pages: readonly string[];
  /** The document information dictionary as pdf.js gives it (standard keys, `Custom`, format facts). */
  readonly info: Readonly<Record<string, unknown>>;
  /** XMP metadata entries `[name, value]` (arrays joined with "; "), in the packet's order. */
  readonly xmp: readonly (readonly [string, string])[];
  readonly bookmarks: readonly PdfBookmark[];
  readonly annotations: readonly PdfAnnotation[];
  readonly links: readonly PdfLink[];
  readonly fields: readonly PdfField[];
  readonly attachments: readonly PdfAttachment[];
  /** Text runs a reader may not see, or whose glyphs do not map to Unicode. */
  readonly runs: readonly PdfRun[];
}

/** An outline entry; `path` is its position in the tree, 1-based per level (`[2, 1]` = first child of the second). */
export interface PdfBookmark {
  readonly path: readonly number[];
  readonly title: string;
  readonly url?: string;
}

/** A markup annotation with text (sticky note, free text, highlight comment…). */
export interface PdfAnnotation {
  readonly page: number;
  /** PDF subtype, e.g. `Text`, `FreeText`, `Highlight`. */
  readonly subtype: string;
  readonly text: string;
  /** The annotation's `T` entry: by convention its author. */
  readonly author?: string;
  /** Raw PDF date strings (`D:YYYYMMDDHHmmSSOHH'mm`). */
  readonly created?: string;
  readonly modified?: string;
}

/** The target of a link annotation as written in the file (not only the schemes pdf.js would open). */
export interface PdfLink {
  readonly page: number;
  readonly url: string;
}

/** An AcroForm field with a value. */
export interface PdfField {
  readonly name: string;
  readonly value: string;
  /** Page of its first widget, where the field has one on a page. */
  readonly page?: number;
  /** pdf.js field type: text, checkbox, radiobutton, combobox, listbox, button, signature. */
  readonly type: string;
}

/** An embedded file (`EmbeddedFiles` name tree or file attachment annotation). */
export interface PdfAttachment {
  readonly name: string;
  readonly description: string;
  readonly bytes: Uint8Array;
}

/** A flagged text run on a page. */
export interface PdfRun {
  readonly page: number;
  readonly flags: readonly RunFlag[];
  readonly text: string;
}
