/**
 * Schema of the psycholinguistic profile word lists (`sop/profile/<language>.yaml`): LIWC-like
 * categories, each a list of exact forms and/or lemmas (matched by stem), with its source.
 * The words are written from general dictionaries and grammars, not copied from LIWC.
 */
import { parseYaml } from '../core/yaml.js';
import { z } from 'zod';
import { LEXICON_LANGUAGES, PROFILE_LIST_CATEGORIES } from './lexicon-codes.js';

const nonEmpty = z.string().trim().min(1);

const categorySchema = z
  .object({
    /** Source id from the header. */
    source: nonEmpty,
    /** Exact normalised word forms. */
    forms: z.array(nonEmpty).optional(),
    /** Lemmas matched by stem through the language layer. */
    lemmas: z.array(nonEmpty).optional(),
    note: nonEmpty.optional(),
  })
  .strict()
  .refine((c) => (c.forms?.length ?? 0) + (c.lemmas?.length ?? 0) > 0, { message: 'a category needs forms or lemmas' });

export const profileFileSchema = z
  .object({
    profile: nonEmpty,
    version: z.string().regex(/^\d+\.\d+\.\d+$/),
    language: z.enum(LEXICON_LANGUAGES),
    description: nonEmpty,
    sources: z.array(z.object({ id: nonEmpty, citation: nonEmpty }).strict()).min(1),
    categories: z.partialRecord(z.enum(PROFILE_LIST_CATEGORIES), categorySchema),
  })
  .strict();
/** A validated profile word-list file. */
export type ProfileLists = z.infer<typeof profileFileSchema> & { readonly path: string };

/** Parses and checks one profile file (`path` relative to the project root). */
export function checkProfileText(path: string, text: string): { lists?: ProfileLists; problems: string[] } {
  let raw: unknown;
  try {
    raw = parseYaml(text, { uniqueKeys: true });
  } catch (error) {
    return { problems: [`${path}: malformed YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)} — fix: correct the YAML syntax`] };
  }
  const parsed = profileFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${path}: ${i.path.join('.') || '(file)'}: ${i.message} — fix: correct that field`) };
  }
  const problems: string[] = [];
  const file = parsed.data;
  const expected = /([^/]+)\.yaml$/.exec(path)?.[1];
  if (expected !== file.language) problems.push(`${path}: language "${file.language}" differs from the file name — fix: name the file ${file.language}.yaml`);
  if (file.profile !== `profile.${file.language}`) problems.push(`${path}: profile id "${file.profile}" — fix: set profile: profile.${file.language}`);
  const sourceIds = new Set(file.sources.map((s) => s.id));
  for (const [name, category] of Object.entries(file.categories)) {
    if (category && !sourceIds.has(category.source)) problems.push(`${path}: category ${name}: source "${category.source}" not in sources — fix: add it to sources`);
    const seen = new Set<string>();
    for (const word of [...(category?.forms ?? []), ...(category?.lemmas ?? [])]) {
      if (seen.has(word)) problems.push(`${path}: category ${name}: "${word}" listed twice — fix: remove one`);
      seen.add(word);
    }
  }
  return problems.length > 0 ? { problems } : { lists: { ...file, path }, problems };
}
