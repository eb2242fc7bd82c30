/**
 * The report templates' precompiled parts in the data cache: written by the build, read back only
 * for the very template texts they were made from; another text, or a damaged file, gives none
 * (the templates are compiled as read); the labels likewise (read from their file as before). Whether the parts render the same bytes is
 * tests/report-parts.test.ts's.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dataCachePath } from '../language/data-cache.js';
import { precompiledTextTemplates } from '../report/renderers.js';
import { readLabels } from './report.js';
import { cachedLabels, withPrecompiledParts, writeCachedLabels, writePrecompiledTemplates } from './report-templates.js';

const TEMPLATES = new URL('../../templates/', import.meta.url);
const texts = { md: readFileSync(new URL('conclusion.md.hbs', TEMPLATES), 'utf8'), html: readFileSync(new URL('conclusion.html.hbs', TEMPLATES), 'utf8') };

describe('the report templates in the data cache', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'soz-report-templates-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('gives back the parts the build precompiled for the same texts', () => {
    const path = writePrecompiledTemplates(root, texts);
    expect(path).toBe(dataCachePath(root, 'report-templates'));
    expect(withPrecompiledParts(root, texts)).toEqual({ ...texts, precompiled: precompiledTextTemplates(texts) });
  });

  it('gives none for a template that differs from the one the build saw, for a damaged file, or without a file', () => {
    expect(withPrecompiledParts(root, texts)).toEqual(texts);
    const path = writePrecompiledTemplates(root, texts);
    const changed = { ...texts, md: `${texts.md}\n` };
    expect(withPrecompiledParts(root, changed)).toEqual(changed);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"statements"', '"Statements"'));
    expect(withPrecompiledParts(root, texts)).toEqual(texts);
  });

  it("gives back a language's checked labels only for the same text of their file", () => {
    const text = readFileSync(new URL('ky/conclusion.yaml', TEMPLATES), 'utf8');
    const labels = readLabels('ky');
    expect(cachedLabels(root, 'ky', text)).toBeUndefined();
    writeCachedLabels(root, 'ky', text, labels);
    expect(cachedLabels(root, 'ky', text)).toEqual(labels);
    expect(cachedLabels(root, 'ky', `${text}\n`)).toBeUndefined();
    expect(cachedLabels(root, 'ru', text)).toBeUndefined();
  });
});
