/**
 * The report's Handlebars templates with their parts precompiled, and its labels parsed. Parsing and compiling the two
 * text templates cost about 0.3 s of every `soz report` (a small case's report takes 2 s of CPU);
 * the build (`npm run build`, `scripts/build-data-cache.mjs`) compiles them once into
 * `dist/data-cache/report-templates.json`, Handlebars' precompiled JavaScript of each part.
 *
 * The cache is trusted only under the key of what would be compiled now (`language/data-cache.ts`):
 * the SHA-256 of both templates' text, of the modules that cut and compile them and of
 * Handlebars' package.json (its version); inside it, each template's parts stand under the
 * SHA-256 of the very text, options and lists they were compiled from (`partsKey`). A template that
 * differs from the one the build saw is compiled as before, so the cache changes how fast, never
 * what a report says. The labels of each language (`templates/<lang>/conclusion.yaml`, 0.1 s of
 * YAML and schema a report) are kept the same way, checked, under the SHA-256 of their file's text
 * and of their schema's module.
 */
import { sha256 } from '../core/hash.js';
import type { CachedSource } from '../language/data-cache.js';
import { compilerModules, dataCacheKey, readDataCache, writeDataCache } from '../language/data-cache.js';
import type { ReportLanguage } from '../core/case.js';
import type { ConclusionLabels } from '../report/labels.js';
import type { PrecompiledTemplates } from '../report/parts-render.js';
import type { TextTemplates } from '../report/renderers.js';
import { precompiledTextTemplates } from '../report/renderers.js';

const KIND = 'report-templates';

/** The code that decides the precompiled parts: the cutting, each format's options, this file, and Handlebars itself. */
const COMPILER = [
  ...compilerModules(import.meta.url, ['../report/parts-render', '../report/markdown', '../report/html', '../report/renderers', 'report-templates']),
  new URL('../package.json', import.meta.resolve('handlebars')),
];

/** The texts of the two templates, as read from the installation. */
export type TemplateTexts = Pick<TextTemplates, 'md' | 'html'>;

function templatesKey(texts: TemplateTexts): string | null {
  // Paths as the package names them, the same on every platform.
  const sources: CachedSource[] = [
    { path: 'templates/conclusion.md.hbs', sha256: sha256(texts.md) },
    { path: 'templates/conclusion.html.hbs', sha256: sha256(texts.html) },
  ];
  return dataCacheKey(KIND, sources, COMPILER);
}

/** The templates with the parts the build precompiled from these very texts (none when the cache is missing, foreign or damaged). */
export function withPrecompiledParts(root: string, texts: TemplateTexts): TextTemplates {
  const cached = readDataCache(root, KIND, templatesKey(texts));
  return cached !== null && typeof cached === 'object' ? { ...texts, precompiled: cached as PrecompiledTemplates } : texts;
}

/** Writes the templates' precompiled parts into the data cache under `root` (part of `npm run build`); returns the file written. */
export function writePrecompiledTemplates(root: string, texts: TemplateTexts): string {
  return writeDataCache(root, KIND, templatesKey(texts), precompiledTextTemplates(texts));
}

/** The code that decides the labels read from their file: the schema and this file. */
const LABELS_COMPILER = compilerModules(import.meta.url, ['../report/labels', 'report-templates']);

function labelsKey(language: ReportLanguage, text: string): string | null {
  return dataCacheKey(`report-labels-${language}`, [{ path: `templates/${language}/conclusion.yaml`, sha256: sha256(text) }], LABELS_COMPILER);
}

/** A language's labels as the build checked them from this very text of their file; undefined when the cache has none for it. */
export function cachedLabels(root: string, language: ReportLanguage, text: string): ConclusionLabels | undefined {
  const cached = readDataCache(root, `report-labels-${language}`, labelsKey(language, text));
  return cached !== null && typeof cached === 'object' ? (cached as ConclusionLabels) : undefined;
}

/** Keeps a language's checked labels, read from `text`, in the data cache under `root` (part of `npm run build`); returns the file written. */
export function writeCachedLabels(root: string, language: ReportLanguage, text: string, labels: ConclusionLabels): string {
  return writeDataCache(root, `report-labels-${language}`, labelsKey(language, text), labels);
}
