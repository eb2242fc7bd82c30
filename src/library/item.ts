/**
 * A reference-library item as data: the file the lab holds, what soz extracted from it, and its
 * provenance (the court decision that declared it banned and where that was published).
 */
import { z } from 'zod';
import { isoDateTimeProblem } from '../core/calendar.js';
import { LANGUAGE_CODES } from '../language/index.js';

const nonEmpty = z.string().trim().min(1, 'must not be empty');

/** Provenance of an item, validated when the examiner types it (`soz library add`). */
export const provenanceSchema = z.strictObject({
  court: nonEmpty,
  decisionDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
    .refine((value) => isoDateTimeProblem(value) === null, 'not a calendar date'),
  decisionNumber: nonEmpty,
  /** The published list the decision entered the item in (e.g. a ministry's list of banned material). */
  list: nonEmpty,
  /** The item's entry number in that list. */
  entry: nonEmpty,
  language: z.string().refine((value) => (LANGUAGE_CODES as readonly string[]).includes(value), `use one of ${LANGUAGE_CODES.join(', ')}`),
  notes: z.string().default(''),
});

/** Where an item comes from, as the lab recorded it. */
export type Provenance = z.infer<typeof provenanceSchema>;

/** One extracted document of an item: its id and how many words are matched against. */
export interface LibraryDocument {
  readonly id: string;
  readonly words: number;
  /** Library-relative path of its fingerprints (`fingerprints/<sha256>.<n>.bin`). */
  readonly fingerprints: string;
}

/** An item as the library log records it (`library.add` details). */
export interface LibraryItem {
  readonly sha256: string;
  readonly originalName: string;
  readonly size: number;
  readonly mediaType: string;
  /** Library-relative path of the kept copy (`items/<sha256><ext>`). */
  readonly copy: string;
  /** Library-relative path of the extracted text (`text/<sha256>.json`). */
  readonly text: string;
  readonly documents: readonly LibraryDocument[];
  readonly provenance: Provenance;
}

/** The extracted text of an item as stored in `text/<sha256>.json`. */
export interface ItemText {
  readonly documents: ReadonlyArray<{ readonly id: string; readonly text: string }>;
}

/** One searchable unit of the index: an item's document (index item number = position in the list). */
export interface IndexEntry {
  readonly sha256: string;
  readonly document: string;
}
