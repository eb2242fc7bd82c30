/**
 * Handlebars set-up shared by the Markdown and HTML conclusion: one local instance per render
 * (`Handlebars.create()`), helpers that turn model values into labels. Nothing here may call
 * the clock or the locale.
 */
import Handlebars from 'handlebars';
import type { ImagePlace, MediaPlace } from '../core/finding.js';
import type { MediaSummary } from './media-summary.js';
import { mediaPlaceText, mediaSummaryText } from './media-summary.js';
import { imagePlaceText } from './ocr-region.js';

/** Labels of one language, from `templates/<lang>/conclusion.yaml`. */
export type ConclusionLabels = Readonly<Record<string, string>>;

/** A label, or a visible marker naming the missing key (data validation catches these first). */
export function label(labels: ConclusionLabels, key: string): string {
  return labels[key] ?? `[${key}]`;
}

/** `Page {page} of {pages}` filled in. */
export function pageLabel(labels: ConclusionLabels, page: number, pages: number): string {
  return label(labels, 'pageOf').replace('{page}', String(page)).replace('{pages}', String(pages));
}

/** Label of an SOP step's kind / state / Rabat part. */
export const kindLabel = (labels: ConclusionLabels, kind: string) => label(labels, kind === 'automated' ? 'kindAutomated' : 'kindExaminer');
export const stateLabel = (labels: ConclusionLabels, state: string) => label(labels, `state${state.charAt(0).toUpperCase()}${state.slice(1)}`);
export const rabatLabel = (labels: ConclusionLabels, key: string) => label(labels, `rabat_${key}`);
/** Label of the relation of the person concerned to an item; `null` (not recorded) has its own. */
export const relationLabel = (labels: ConclusionLabels, relation: string | null) => label(labels, relation === null ? 'relationNotRecorded' : `relation_${relation}`);

/**
 * A Handlebars instance with the helpers both text templates use. `cell` and `answerText` differ
 * per format and are passed in.
 */
export function conclusionHandlebars(labels: ConclusionLabels, format: { cell: (value: unknown) => unknown; answerText: (text: string) => unknown }): typeof Handlebars {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('cell', (value: unknown) => format.cell(value));
  handlebars.registerHelper('answerText', (text: string) => format.answerText(text));
  handlebars.registerHelper('ordinal', (index: number) => String(index + 1));
  handlebars.registerHelper('join', (values: readonly unknown[]) => format.cell(values.map(String).join(', ')));
  handlebars.registerHelper('is', (a: unknown, b: unknown) => a === b);
  handlebars.registerHelper('kindLabel', (kind: string) => format.cell(kindLabel(labels, kind)));
  handlebars.registerHelper('stateLabel', (state: string) => format.cell(stateLabel(labels, state)));
  handlebars.registerHelper('rabatLabel', (key: string) => format.cell(rabatLabel(labels, key)));
  handlebars.registerHelper('relationLabel', (relation: string | null) => format.cell(relationLabel(labels, relation)));
  handlebars.registerHelper('mediaSummary', (summary: MediaSummary) => format.cell(mediaSummaryText(summary, (key) => label(labels, key))));
  handlebars.registerHelper('mediaPlace', (media: MediaPlace) => format.cell(mediaPlaceText(media, (key) => label(labels, key))));
  handlebars.registerHelper('imagePlace', (image: ImagePlace) => format.cell(imagePlaceText(image, (key) => label(labels, key))));
  return handlebars;
}
