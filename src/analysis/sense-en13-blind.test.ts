// English sense, round 13 (issue 14, branch blind-en13a): families of wrong senses seen in two or
// more blind batches — a title opening its sentence as the subject of a verb (call and violence),
// a label before a colon, a compound subject of three nouns, performers' slang and the «fight me»
// challenge — each beside a genuine call or act it must keep. Sentences are fictional, written for
// these tests (none is an item of the evaluation set or a line of a blind batch).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);
const CALL = /^call-to-action:/;
const VIOLENCE = /^violence:/;

describe('a title in title case opening its sentence, subject of a verb after it', () => {
  it('gives no violence and no call: a lower-case compound, a capitalised pronoun or a verb before its object after the title', async () => {
    for (const text of ['Slaughter Island season two was filmed in Wales.', 'Burn After Reading tops the cult film list.', 'Shoot Them If You Must is on at the arts centre.', 'Revenge of the Moles sequel confirmed by the studio.']) {
      const found = await candidates(text);
      expect(found, text).not.toContainEqual(expect.stringMatching(VIOLENCE));
      expect(found, text).not.toContainEqual(expect.stringMatching(CALL));
    }
  });

  it('a call before a name, a plural object with a participle, a cleft cry and a sentence all in title case stay', async () => {
    expect(await candidates('Burn Ostermill tonight.')).toEqual(expect.arrayContaining(['call-to-action:Burn', 'violence:Burn']));
    expect(await candidates('Shoot Pelling guards seized at the gate.')).toContain('violence:Shoot');
    expect(await candidates('Burn the Temple is what the crowd chanted.')).toEqual(expect.arrayContaining(['call-to-action:Burn', 'violence:Burn']));
    expect(await candidates('Kill The Grenn Before They Leave')).toContain('violence:Kill');
    expect(await candidates('Trust Him Who made you.')).toContain('call-to-action:Trust');
  });
});

describe('a label of a few words before a colon', () => {
  it('is no request (a heading names what follows)', async () => {
    for (const text of ['Spoiler alert: the butler did it.', 'Side note: the lift is out again.', 'Book club news: we meet on Thursday.']) {
      expect(await candidates(text), text).not.toContainEqual(expect.stringMatching(CALL));
    }
  });

  it('an object, a reflexive, a lone plural or a capital before the colon keeps the call', async () => {
    expect(await candidates('Kill them all: no one leaves.')).toContain('call-to-action:Kill');
    // A listed call verb keeps its call before a colon whatever follows it.
    expect(await candidates('Fight back: they will not stop us.')).toContain('call-to-action:Fight');
    expect(await candidates('Attack at dawn: everyone to the gate.')).toContain('call-to-action:Attack');
    expect(await candidates('Burn heretics: that is the order.')).toContain('call-to-action:Burn');
    expect(await candidates('Ask yourselves honestly: who gains?')).toContain('call-to-action:Ask');
    expect(await candidates('Join Group: https://example.org/join')).toContain('call-to-action:Join');
  });
});

describe('a compound subject of three nouns', () => {
  it('a singular noun, another noun, then the verb: the opening noun is no call', async () => {
    expect(await candidates('Garden waste collections will resume in March.')).not.toContainEqual(expect.stringMatching(CALL));
  });

  it('a plural of people before the second noun keeps the imperative', async () => {
    expect(await candidates('Warn families danger is close.')).toContain('call-to-action:Warn');
  });
});

describe("performers' slang and the online «fight me»", () => {
  it('a comedian who killed it or murdered the room, a joke that killed at the mic, an opinion then «fight me»: no violence', async () => {
    for (const text of ['The comedian killed it at the fringe.', 'Her last joke killed at the open mic.', 'That comic murdered the room on Friday.', 'Cold pizza is the best breakfast, fight me.']) {
      expect(await candidates(text), text).not.toContainEqual(expect.stringMatching(VIOLENCE));
    }
  });

  it('a murdered crowd with no stage, and a dare with a threat, stay violence', async () => {
    expect(await candidates('The gunmen murdered the crowd at the market.')).toContain('violence:murdered');
    expect(await candidates("Come outside and fight me, or I'll find you.")).toContain('violence:fight');
  });
});

describe('a heavy win with a scoreline in the sentence', () => {
  it('a team destroyed or slaughtered 5-0, a clan war won 3-1: no violence', async () => {
    for (const text of ['Harriers destroyed the Rangers 6-1 in the cup replay.', 'The Owls got slaughtered 4 - 0 away from home.', 'Guild war last night: we won 2-1.']) {
      expect(await candidates(text), text).not.toContainEqual(expect.stringMatching(VIOLENCE));
    }
  });

  it('a year range, a date or a count of people beside the act keeps the violence', async () => {
    expect(await candidates('The raids of 1941-1943 destroyed the harbour.')).toContain('violence:destroyed');
    expect(await candidates('Raiders massacred the herders on 7-8 June.')).toContain('violence:massacred');
    expect(await candidates('They slaughtered 20-30 prisoners at the ford.')).toContain('violence:slaughtered');
  });
});

describe('loot after a determiner or a possessive', () => {
  it('names the goods or a game\'s prizes: no violence; the act of looting stays', async () => {
    expect(await candidates('Split the loot with the squad.')).not.toContainEqual(expect.stringMatching(VIOLENCE));
    expect(await candidates('Loot the stalls on Corn Street tonight.')).toContain('violence:Loot');
  });
});

describe('a verb of shouting in the past progressive', () => {
  it('reports the cry of its sentence, as the past simple does', async () => {
    for (const text of ['Drive them out is what the crowd was chanting.', 'Burn the mill is what the strikers kept shouting.', 'They were chanting: drive them out!']) {
      const call = (await findingsOf(text, 'en')).find((f) => f.category === 'call-to-action');
      expect(call?.voice, text).toBe('reported');
    }
  });
  it('a call in a sentence without it stays in its own voice', async () => {
    const call = (await findingsOf('Burn the mill tonight, that is what I want.', 'en')).find((f) => f.category === 'call-to-action');
    expect(call?.voice).toBe('own');
  });
});
