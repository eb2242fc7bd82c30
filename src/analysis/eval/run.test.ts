// Benign rates (bench:findings' last table): candidates and reviewable units per 100 messages,
// with every feature standing alone and by default. A fictional three-message chat.
import { beforeAll, describe, expect, it } from 'vitest';
import { DocumentBuilder } from '../../core/document-builder.js';
import type { MessageInfo } from '../../core/document.js';
import type { Lexicon } from '../lexicon-check.js';
import { loadLexicons } from '../lexicon-files.js';
import { benignRate } from './run.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

const message = (id: string): MessageInfo => ({ platform: 'telegram', chatId: 'c', chatName: 'c', messageId: id, author: { name: 'A' }, timestamp: { iso: null, offset: 'unknown', raw: '' }, role: 'authored' });

describe('benignRate', () => {
  it('counts candidates and units per 100 messages, standalone → default, and what is listed aside', () => {
    const chat = new DocumentBuilder({ sha256: 'e'.repeat(64), name: 'chat.json' }, 'telegram-json')
      .add({ id: 'm1', text: 'Everyone should rest before the exam.', part: 'message', message: message('1') })
      .add({ id: 'm2', text: 'Burn the barns tonight. Everyone should hurry.', part: 'message', message: message('2') })
      .add({ id: 'm3', text: 'Good morning.', part: 'message', message: message('3') })
      .build();
    const rate = benignRate('chat', [chat], lexicons);
    expect(rate.messages).toBe(3);
    // Burn is a call and violence; the two "should" stand alone only in the old behaviour.
    expect(rate.standalone).toEqual({ candidates: 4, per100: 133.33, unitsPer100: 66.67 });
    expect([rate.candidates, rate.per100, rate.unitsPer100]).toEqual([2, 66.67, 33.33]);
    expect([rate.accompanyingPer100, rate.withheldPer100]).toEqual([33.33, 33.33]);
  });
});
