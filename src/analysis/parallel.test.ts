// Worker threads start with a case's second document (issue 17, fixed cost): a case of one document
// is analysed in the calling thread, with the bytes one thread gives, and starts no thread at all;
// nor does a case whose documents together hold fewer characters than the run's threshold.
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/canonical-json.js';
import { DocumentBuilder } from '../core/document-builder.js';
import type { SozDocument } from '../core/document.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { startParallelAnalyses, THREADS_FROM_CHARACTERS } from './parallel.js';
import { NGRAM_CAP } from './registry.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

// Fictional lines written for this test.
function text(name: string, line: string): SozDocument {
  const b = new DocumentBuilder({ sha256: name.charCodeAt(0).toString(16).padStart(2, '0').repeat(32), name }, 'text');
  b.add({ id: 'p0', text: line, part: 'body' });
  return b.build();
}

/** Runs the indicators over `docs` on `workers` threads whose heap is too small for any thread to live. */
async function analysed(docs: readonly SozDocument[], workers: number, threadsFromCharacters = 0): Promise<string> {
  const run = startParallelAnalyses({ lexicons, analyses: ['indicators'] }, workers, { heapMb: 4 }, threadsFromCharacters);
  try {
    for (const doc of docs) await run.add(doc);
    return canonicalJson(await run.finish());
  } finally {
    await run.close();
  }
}

describe('parallel analyses', () => {
  const one = text('a.txt', 'Встреча завтра в школе, приходите все.');
  const two = text('b.txt', 'Эртең мектепте жолугушуу болот.');

  it('analyse a case of one document in the calling thread, with the bytes of one thread', async () => {
    // A thread with a 4 MB heap dies at start: the run succeeds only because none was started.
    expect(await analysed([one], 2)).toBe(await analysed([one], 1));
  }, 60_000);

  it('start the threads with the second document', async () => {
    await expect(analysed([one, two], 2)).rejects.toThrow(/an analysis thread reached its memory limit of 4 MB \(--max-heap-mb\)|an analysis worker thread failed/);
  }, 60_000);

  it('analyse documents holding fewer characters than the threshold in the calling thread, with the bytes of one thread', async () => {
    const together = one.text.length + two.text.length;
    expect(await analysed([one, two, one], 2, together * 2)).toBe(await analysed([one, two, one], 1));
    // Reached with the second document: the threads start (and die of their 4 MB heap).
    await expect(analysed([one, two], 2, together)).rejects.toThrow(/an analysis thread reached its memory limit of 4 MB \(--max-heap-mb\)|an analysis worker thread failed/);
  }, 60_000);

  it('smallCaseNeverPruned: the default threshold is below the n-gram cap, so a case analysed alone for its size has no pruned table', () => {
    // A text has no more n-grams of a size than characters: below NGRAM_CAP none is pruned, and the
    // bytes cannot depend on whether its documents went to threads.
    expect(THREADS_FROM_CHARACTERS).toBeLessThanOrEqual(NGRAM_CAP);
    expect(THREADS_FROM_CHARACTERS).toBeGreaterThan(0);
  });
});
