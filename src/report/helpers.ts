/**
 * Handlebars set-up shared by the Markdown and HTML conclusion: one local instance per render
 * (`Handlebars.create()`), helpers that turn model values into labels. Nothing here may call
 * the clock or the locale.
 */
import Handlebars from 'handlebars';
import type { ItemRelation, RabatCourtPart, RabatField } from '../core/examiner.js';
import type { ImagePlace, MediaPlace } from '../core/finding.js';
import type { StepState } from '../sop/engine.js';
import { PROFILE_CATEGORIES, PROFILE_UNITS } from '../analysis/profile.js';
import type { ConclusionLabels, LabelKey } from './labels.js';
import type { FindingView } from './model.js';
import type { SourceExcerpt } from './excerpts.js';
import { excerptAnchor, excerptView, findingRow, findingUnits, rowAnchor } from './finding-row.js';
import type { MediaSummary } from './media-summary.js';
import type { PersonPlaceView } from './model.js';
import { relationBasisText } from './basis-text.js';
import type { PersonRelationKind } from '../core/persons.js';
import { mediaPlaceText, mediaSummaryText } from './media-summary.js';
import { imagePlaceText } from './ocr-region.js';

export type { ConclusionLabels } from './labels.js';

/** A text label of the report's language. */
export function label(labels: ConclusionLabels, key: LabelKey): string {
  return labels[key];
}

/** `Page {page} of {pages}` filled in. */
export function pageLabel(labels: ConclusionLabels, page: number, pages: number): string {
  return labels.pageOf.replace('{page}', String(page)).replace('{pages}', String(pages));
}

const STATE_KEYS: Readonly<Record<StepState, LabelKey>> = { done: 'stateDone', skipped: 'stateSkipped', open: 'stateOpen', blocked: 'stateBlocked' };

/** Label of an SOP step's kind / state / Rabat part. */
export const kindLabel = (labels: ConclusionLabels, kind: 'automated' | 'examiner') => labels[kind === 'automated' ? 'kindAutomated' : 'kindExaminer'];
export const stateLabel = (labels: ConclusionLabels, state: StepState) => labels[STATE_KEYS[state]];
/** Label of a Rabat part, the court's parts too (printed as recorded in worksheets of an earlier soz). */
export const rabatLabel = (labels: ConclusionLabels, key: RabatField | RabatCourtPart) => labels[`rabat_${key}` as const];
/** Label of a profile category; a category soz does not know is printed as recorded. */
export function profileCategoryLabel(labels: ConclusionLabels, category: string): string {
  const known = PROFILE_CATEGORIES.find((candidate) => candidate === category);
  return known ? labels.profileCategories[known] : category;
}

/** Label of what a profile row counts; a unit soz does not know is printed as recorded. */
export function profileUnitLabel(labels: ConclusionLabels, unit: string): string {
  const known = PROFILE_UNITS.find((candidate) => candidate === unit);
  return known ? labels.profileUnits[known] : unit;
}

/** Label of the relation of the person concerned to an item; `null` (not recorded) has its own. */
export const relationLabel = (labels: ConclusionLabels, relation: ItemRelation | null) => labels[relation === null ? 'relationNotRecorded' : (`relation_${relation}` as const)];
/** Label of a person's relation to an item or message (`author`, `reacted`…). */
export const personRelationLabel = (labels: ConclusionLabels, relation: PersonRelationKind) => labels.personRelations[relation];

/** One place of a person's relation: evidence, message or part, what it rests on, and who set it when the examiner did. */
export function personPlaceText(labels: ConclusionLabels, place: PersonPlaceView): string {
  const where = `${place.evidenceName}${place.messageId !== null ? ` #${place.messageId}` : place.segmentId !== null ? ` (${place.segmentId})` : ''}`;
  return `${where} — ${place.by === 'data' ? relationBasisText(labels, place.basis) : `${place.reason} (${labels.personSetByExaminer}: ${place.actor})`}`;
}

/**
 * A Handlebars instance with the helpers both text templates use. `cell` and `answerText` differ
 * per format and are passed in.
 */
export function conclusionHandlebars(labels: ConclusionLabels, format: { cell: (value: unknown) => unknown; answerText: (text: string) => unknown }): typeof Handlebars {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('cell', (value: unknown) => format.cell(value));
  // A fact of case.json the examiner did not give is null: said in the report's language.
  handlebars.registerHelper('fact', (value: string | null) => value ?? labels.notRecorded);
  handlebars.registerHelper('answerText', (text: string) => format.answerText(text));
  handlebars.registerHelper('ordinal', (index: number) => String(index + 1));
  handlebars.registerHelper('join', (values: readonly unknown[]) => format.cell(values.map(String).join(', ')));
  handlebars.registerHelper('is', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('kindLabel', (kind: 'automated' | 'examiner') => format.cell(kindLabel(labels, kind)));
  handlebars.registerHelper('stateLabel', (state: StepState) => format.cell(stateLabel(labels, state)));
  handlebars.registerHelper('rabatLabel', (key: RabatField | RabatCourtPart) => format.cell(rabatLabel(labels, key)));
  handlebars.registerHelper('relationLabel', (relation: ItemRelation | null) => format.cell(relationLabel(labels, relation)));
  handlebars.registerHelper('personRelationLabel', (relation: PersonRelationKind) => format.cell(personRelationLabel(labels, relation)));
  handlebars.registerHelper('personPlace', (place: PersonPlaceView) => format.cell(personPlaceText(labels, place)));
  handlebars.registerHelper('row', (finding: FindingView) => findingRow(finding, labels));
  handlebars.registerHelper('units', (findings: readonly FindingView[]) => findingUnits(findings, labels));
  handlebars.registerHelper('excerptView', (excerpt: SourceExcerpt) => excerptView(excerpt, labels));
  handlebars.registerHelper('rowAnchor', (findingId: string) => rowAnchor(findingId));
  handlebars.registerHelper('excerptAnchor', (unit: string) => excerptAnchor(unit));
  handlebars.registerHelper('profileUnit', (unit: string) => format.cell(profileUnitLabel(labels, unit)));
  handlebars.registerHelper('profileCategory', (category: string) => format.cell(profileCategoryLabel(labels, category)));
  handlebars.registerHelper('mediaSummary', (summary: MediaSummary) => format.cell(mediaSummaryText(summary, (key) => label(labels, key))));
  handlebars.registerHelper('mediaPlace', (media: MediaPlace) => format.cell(mediaPlaceText(media, (key) => label(labels, key))));
  handlebars.registerHelper('imagePlace', (image: ImagePlace) => format.cell(imagePlaceText(image, (key) => label(labels, key))));
  return handlebars;
}
