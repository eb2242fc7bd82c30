/**
 * What the conclusion says about the lab's list of banned organisations: which list, version and
 * date of its last update the names were checked against, and a warning for each language of the
 * report's region the list holds no name in (or for a list not given at all). Pure.
 */
import type { OrgListData } from '../analysis/registry.js';
import type { ConclusionLabels } from './labels.js';
import { fillLabel } from './known-rows.js';

/** Languages whose names a lab's list is expected to hold; an empty one is warned about. */
const EXPECTED_LANGUAGES = ['ru', 'ky', 'uz-Cyrl', 'uz-Latn', 'kk', 'en'] as const;

/** The list's line and the warnings, in the report's language. */
export function labListLines(list: OrgListData | null, labels: ConclusionLabels): { readonly line: string | null; readonly warnings: readonly string[] } {
  const l = labels.labLists;
  if (list === null) return { line: null, warnings: [l.none] };
  const line = `${l.heading}: ${fillLabel(l.line, { name: list.name, language: Object.keys(list.names).filter((key) => (list.names[key] ?? 0) > 0).join(', ') || '—', version: list.version, updated: list.updated, entries: list.entries })} (SHA-256 ${list.sha256})`;
  const empty = list.entries === 0 ? ['—'] : EXPECTED_LANGUAGES.filter((language) => (list.names[language] ?? 0) === 0);
  return { line, warnings: empty.map((language) => fillLabel(l.empty, { name: list.name, language })) };
}
