#!/usr/bin/env node
// Part of `npm run build`: compiles the lexicons and profile word lists once into ready-to-load
// JSON under dist/data-cache/ (src/analysis/data-cache.ts says when soz trusts it). Run after tsc.
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import { writeDataCaches } from '../dist/analysis/lexicon-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const path of await writeDataCaches(root)) console.log(`data cache: ${relative(root, path)}`);
