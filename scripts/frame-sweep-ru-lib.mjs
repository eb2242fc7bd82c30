// Shared helpers of the Russian frame sweeps (frame-sweep-ru18a.mjs, frame-sweep-ru19a.mjs, frame-sweep-ru19b.mjs): load
// the engine and lexicons of a tree, and run sentences one segment each as in a case (bare
// features grouped), giving the findings of each line.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The engine of `root`'s dist/ and the lexicons of `root`: `run(texts)` → findings per text, in order. */
export async function russianSweepEngine(root) {
  const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
  const { loadLexicons, runIndicators, compileIndicators } = await load('analysis/index.js');
  const { DocumentBuilder } = await load('core/document-builder.js');
  const { lexicons } = await loadLexicons(root);
  const compiled = compileIndicators(lexicons);
  const run = (texts) => {
    const b = new DocumentBuilder({ sha256: createHash('sha256').update('sweep').digest('hex'), name: 'sweep' }, 'text');
    texts.forEach((text, i) => b.add({ id: `l${i + 1}`, text, part: 'body', anchor: { paragraph: i } }));
    const { findings } = runIndicators([b.build()], { lexicons, standaloneFeatures: false, languages: ['ru'] }, compiled);
    const hits = texts.map(() => []);
    for (const f of findings) hits[Number(f.place.segmentId.slice(1)) - 1]?.push(f);
    return hits;
  };
  return { run };
}
