/**
 * The CLI's message catalogue (`templates/<lang>/cli.yaml`): a flat map from a stable key
 * (`add.added`, `error.not-a-case`…) to the text in one language, with `{name}` placeholders.
 * English is the reference: every language has exactly its keys, and each text the same
 * placeholders. Pure: reading the files is the pipeline's, printing the CLI's.
 */
import { z } from 'zod';

/** A catalogue of one language: key → text with `{name}` placeholders. */
export type MessageCatalogue = Readonly<Record<string, string>>;

/**
 * A value a placeholder is filled with: a string or number as written, or a message of its own (a
 * sub-problem, a reason) — or a list of them, joined with "; " — rendered in the same language.
 */
export type MessageValue = string | number | MessageRef | readonly MessageRef[];

/** Values a message's placeholders are filled with. */
export type MessageParams = Readonly<Record<string, MessageValue>>;

/** A message by key, with its values, that the CLI prints in the examiner's language. */
export interface MessageRef {
  readonly key: string;
  readonly params: MessageParams;
  /** The English text, shown where a message inside another cannot be looked up (a reader without the catalogue). */
  readonly fallback?: string;
}

/**
 * A sentence a layer below the CLI says: its English `text` (what English output, logs and the code's
 * fallbacks show) and the same as a catalogue `message`, which the CLI and the desk print in the
 * examiner's language. Language-neutral: the layer that makes it reads no catalogue.
 */
export interface Said {
  readonly text: string;
  readonly message: MessageRef;
}

/** A sentence in English with its catalogue key and values (see `Said`). */
export function said(text: string, key: string, params: MessageParams = {}): Said {
  return { text, message: { key, params, fallback: text } };
}

/** Sentences in English joined with "; " (the code's text of a refusal that lists them). */
export function saidText(sentences: readonly Said[]): string {
  return sentences.map((sentence) => sentence.text).join('; ');
}

/** The catalogue messages of sentences: a placeholder value rendered, joined with "; ", in the examiner's language. */
export function saidMessages(sentences: readonly Said[]): MessageRef[] {
  return sentences.map((sentence) => sentence.message);
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Schema of one catalogue file: a flat map of dotted keys to non-empty texts. */
export const messageCatalogueSchema = z.record(
  z.string().regex(/^[a-z][A-Za-z0-9-]*(\.[a-z][A-Za-z0-9-]*)*$/, 'keys are dotted lower-case words, e.g. add.added'),
  // Not trimmed: a part such as " — waiting for {steps}" is appended to a line with its space.
  z.string().refine((text) => text.trim() !== '', 'must not be empty'),
);

/** The placeholder names of a text, sorted and without repeats. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))].sort();
}

/** Finds the text of a message key in one language (with its fallback); `undefined` when none has it. */
export type MessageLookup = (key: string) => string | undefined;

/**
 * Fills `{name}` placeholders; a placeholder without a value stays as written, so nothing is lost.
 * A value that is a message is rendered through `lookup` (else its English fallback, else its key).
 */
export function formatMessage(template: string, params: MessageParams = {}, lookup: MessageLookup = () => undefined): string {
  const render = (value: MessageValue): string => {
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    if (isMessageList(value)) return value.map(render).join('; ');
    return formatMessage(lookup(value.key) ?? value.fallback ?? value.key, value.params, lookup);
  };
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(params, name) ? render(params[name]!) : whole));
}

function isMessageList(value: MessageRef | readonly MessageRef[]): value is readonly MessageRef[] {
  return Array.isArray(value);
}

/**
 * Problems of one parsed catalogue against the reference (English) one, each naming the file,
 * the key and the fix; empty when it has every key of the reference, no other, and the same
 * placeholders in each text.
 */
export function catalogueProblems(path: string, raw: unknown, reference: MessageCatalogue, referencePath = 'templates/en/cli.yaml'): string[] {
  const parsed = messageCatalogueSchema.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `${path}: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}; write one "key: text" line per message`);
  }
  const catalogue = parsed.data;
  const problems: string[] = [];
  for (const key of Object.keys(reference)) {
    if (!Object.hasOwn(catalogue, key)) problems.push(`${path}: ${key}: missing; give the text in this language`);
    else {
      const expected = placeholdersOf(reference[key]!).join(', ');
      const found = placeholdersOf(catalogue[key]!).join(', ');
      if (expected !== found) problems.push(`${path}: ${key}: placeholders {${found}} differ from the English {${expected}}; use the same names`);
    }
  }
  for (const key of Object.keys(catalogue)) {
    if (!Object.hasOwn(reference, key)) problems.push(`${path}: ${key}: not in the English catalogue; remove it, or add it to ${referencePath}`);
  }
  return problems;
}
