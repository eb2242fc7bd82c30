import { describe, expect, it } from 'vitest';
import { UnreadKeyTally } from './unread-keys.js';

describe('UnreadKeyTally', () => {
  it('gives no notice when nothing was counted', () => {
    expect(new UnreadKeyTally().notice('x.unread-key')).toBeUndefined();
  });

  it('counts messages per key in order of first appearance, anchored at the first', () => {
    const tally = new UnreadKeyTally();
    tally.add('b', '7');
    tally.add('a', '8');
    tally.add('b', '9');
    expect(tally.notice('x.unread-key')).toEqual({
      code: 'x.unread-key',
      severity: 'warning',
      message: 'message keys soz does not read were left out (their values are in the evidence file): "b" in 2 message(s), first in message 7; "a" in 1 message(s), first in message 8',
      anchor: { messageId: '7' },
    });
  });

  it('names the first 20 keys of a file that invents thousands and counts the rest', () => {
    const tally = new UnreadKeyTally();
    for (let k = 0; k < 5000; k++) tally.add(`k${k}`, '1');
    const message = tally.notice('x.unread-key')?.message ?? '';
    expect(message.match(/in 1 message\(s\)/g)).toHaveLength(20);
    expect(message).toMatch(/; and 4980 more key\(s\)$/);
  });
});
