#!/usr/bin/env node
// Part of `npm run build`: compiles the lexicons, profile word lists, language data and CLI texts once into
// ready-to-load JSON under dist/data-cache/ (src/language/data-cache.ts says when soz trusts it).
// Run after tsc.
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { writeDataCaches } from '../dist/analysis/lexicon-files.js';
import { writeLanguageDataCache } from '../dist/language/data.js';
import { writeCliCatalogueCaches } from '../dist/pipeline/cli-catalogue.js';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const path of [...(await writeDataCaches(root)), writeLanguageDataCache(root), ...writeCliCatalogueCaches(root)]) console.log(`data cache: ${relative(root, path)}`);
