// Russian sense conditions of tuning round 5 (issue 14) that are no lexicon exclusion with its own
// example: «вы» before a reflexive -итесь form. Sentences are fictional, written for these tests,
// modelled on what the real chats in ../shared/corpora-real showed.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../core/document-builder.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

/** The Russian call-to-action candidates of one sentence. */
function calls(text: string): string[] {
  const doc = new DocumentBuilder({ sha256: 'd'.repeat(64), name: 'case.txt' }, 'text').add({ id: 'p0', text, part: 'body', anchor: { paragraph: 0 } }).build();
  return runIndicators([doc], { lexicons, languages: ['ru'], standaloneFeatures: true })
    .findings.filter((f) => f.category === 'call-to-action')
    .map((f) => f.actual);
}

describe('reflexive -итесь after «вы»', () => {
  it('is the indicative, as -ите is', () => {
    expect(calls('Как вы относитесь к переносу собрания?')).toEqual([]);
    expect(calls('Спасибо за фото, которыми вы делитесь.')).toEqual([]);
  });

  it('without «вы» it stays a reflexive imperative', () => {
    expect(calls('Не торопитесь, садитесь поудобнее.')).toEqual(['торопитесь', 'садитесь']);
  });
});
