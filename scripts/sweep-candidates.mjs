// The shared reading of the Russian frame sweeps (frame-sweep-ru18a.mjs, frame-sweep-ru19b.mjs): each
// sentence one body paragraph of one document, read by the compiled engine of ROOT/dist with ROOT's
// lexicons, features grouped as in a case (standaloneFeatures: false). Returns the candidates of
// each sentence by its index. Usage: import { candidatesByLine } from './sweep-candidates.mjs'.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The candidates of each of `texts` read as `language` (Map: index → findings), with `seed` naming the document. */
export async function candidatesByLine(root, texts, seed, language = 'ru') {
  const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
  const [{ loadLexicons, runIndicators, compileIndicators }, { DocumentBuilder }] = await Promise.all([load('analysis/index.js'), load('core/document-builder.js')]);
  const b = new DocumentBuilder({ sha256: createHash('sha256').update(seed).digest('hex'), name: 'sweep' }, 'text');
  texts.forEach((text, i) => b.add({ id: `l${i + 1}`, text, part: 'body', anchor: { paragraph: i } }));
  const { lexicons } = await loadLexicons(root);
  const { findings } = runIndicators([b.build()], { lexicons, standaloneFeatures: false, languages: [language] }, compileIndicators(lexicons));
  const hits = new Map();
  for (const f of findings) { const n = Number(f.place.segmentId.slice(1)) - 1; (hits.get(n) ?? hits.set(n, []).get(n)).push(f); }
  return hits;
}
