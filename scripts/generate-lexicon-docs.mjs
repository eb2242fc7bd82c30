// Regenerates docs/lexicons.md from sop/lexicons (run after `npm run build`).
// Alternative without a build: UPDATE_LEXICON_DOCS=1 npx vitest run src/analysis/lexicons.test.ts
import { writeFile } from 'node:fs/promises';
import { loadLexicons, lexiconTable, LEXICON_DOCS_PATH } from '../dist/analysis/index.js';

const root = new URL('..', import.meta.url).pathname;
const { lexicons } = await loadLexicons(root);
await writeFile(new URL(`../${LEXICON_DOCS_PATH}`, import.meta.url), lexiconTable(lexicons));
console.log(`wrote ${LEXICON_DOCS_PATH} (${lexicons.reduce((n, l) => n + l.entries.length, 0)} entries)`);
