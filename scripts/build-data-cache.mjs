#!/usr/bin/env node
// Part of `npm run build`: compiles the lexicons, profile word lists, language data, CLI texts, the SOP files (procedure, guards,
// liability), the report's labels and Handlebars templates (src/pipeline/report-templates.ts) once into
// ready-to-load JSON under dist/data-cache/ (src/language/data-cache.ts says when soz trusts it),
// and the English tagger with its model computed (scripts/build-english-tagger.mjs). Run after tsc.
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { writeDataCaches } from '../dist/analysis/lexicon-files.js';
import { writeLanguageDataCache } from '../dist/language/data.js';
import { writeCliCatalogueCaches } from '../dist/pipeline/cli-catalogue.js';
import { writeLabelsCaches, writeReportTemplatesCache } from '../dist/pipeline/report.js';
import { writeSopCaches } from '../dist/sop/data.js';
import { writeEnglishTagger } from './build-english-tagger.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const path of [...(await writeDataCaches(root)), writeLanguageDataCache(root), ...writeCliCatalogueCaches(root), writeReportTemplatesCache(root), ...writeLabelsCaches(root), ...writeSopCaches(), await writeEnglishTagger(root)]) console.log(`data cache: ${relative(root, path)}`);
