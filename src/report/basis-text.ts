/**
 * The basis of a derived relation in the report's language: the label of its kind with each
 * `{name}` replaced by the value of that name. Pure; values are inserted as they are (the format's
 * cell escaping applies to the whole text afterwards) and are never read as placeholders themselves,
 * except a document part's code, which is worded by its own label (`segmentParts`).
 */
import { SEGMENT_PARTS } from '../core/document.js';
import type { RelationBasis } from '../core/persons.js';
import type { ConclusionLabels } from './labels.js';

/** The `{name}` placeholders a label template may hold. */
export const PLACEHOLDER = /\{([A-Za-z]+)\}/gu;

/** `template` with each `{name}` replaced by `values[name]` in one pass; an unknown name is left as written. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

/** The basis of a derived relation worded by the labels of one language. */
export function relationBasisText(labels: Pick<ConclusionLabels, 'relationBases' | 'segmentParts'>, basis: RelationBasis): string {
  if (basis.kind !== 'namedPart') return fillPlaceholders(labels.relationBases[basis.kind], basis.values);
  const part = SEGMENT_PARTS.find((known) => known === basis.values.part);
  return fillPlaceholders(labels.relationBases.namedPart, { ...basis.values, part: part ? labels.segmentParts[part] : basis.values.part });
}
