// Tajik, round 10 (issue 14): автоматӣ 'automatic' and автоматикунонӣ 'automation' share the
// beginning of автомат, the automatic rifle (sop/lexicons/tg/violence.yaml, tg.violence.siloh);
// the rifle itself stays. Sentences are fictional, written for these tests.
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Violence candidates of one Tajik text. */
const violence = async (text: string): Promise<string[]> => (await findingsOf(text, 'tg')).filter((f) => f.category === 'violence').map((f) => f.actual);

describe('Tajik автомат', () => {
  it('the adjective automatic and automation are no weapon', async () => {
    expect(await violence('Чароғҳои кӯча ба таври автоматӣ фурӯзон мешаванд.')).toEqual([]);
    expect(await violence('Автоматикунонии анбор ду сол давом кард.')).toEqual([]);
  });

  it('the automatic rifle stays a weapon', async () => {
    expect(await violence('Ӯ автомати худро пинҳон кард.')).toEqual(['автомати']);
  });
});
