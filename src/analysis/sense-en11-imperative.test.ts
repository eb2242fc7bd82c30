// English sense, round 11 (issue 14, branch en-imperative11): a clause that opens with a noun/verb
// homograph as a subject (src/language/imperative-en.ts), and two idioms as lexicon data — each
// beside a genuine call or term it must keep. Sentences are fictional, written for these tests
// (none is an item of the evaluation set).
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);

describe('English clause openings that are subjects, not imperatives', () => {
  it('a homograph before a relative clause and the main verb, or heading a plural compound, is no call', async () => {
    for (const text of ['Fire that burns too hot splits the clay.', 'Smoke which rises from the kiln means the glaze is set.', 'Guard dogs bark at the shepherd huts.', 'Strike votes take place each spring.']) {
      expect(await candidates(text)).not.toContainEqual(expect.stringMatching(/^call-to-action:/));
    }
  });

  it('a call with a relative clause, an object or a causative stays', async () => {
    expect(await candidates('Fire at the guards who come out.')).toContain('call-to-action:Fire');
    expect(await candidates('Drive out the herders who took the wells.')).toContain('call-to-action:Drive');
    expect(await candidates('Burn the stalls that sell their cloth.')).toContain('call-to-action:Burn');
    expect(await candidates('Kill who is against us.')).toContain('call-to-action:Kill');
  });
});

describe('English idioms in the sense of everyday life', () => {
  it('"don\'t be a martyr" is no Islamic term; dying a martyr is', async () => {
    for (const text of ["Don't be a martyr, let me carry the crates.", 'Stop being such a martyr about the ironing.']) {
      expect(await candidates(text)).not.toContainEqual(expect.stringMatching(/^religious-terminology:/));
    }
    expect(await candidates('Be a martyr for the faith, he told them.')).toContain('religious-terminology:martyr');
  });

  it('"Rats" as an oath at the start of its sentence names no one; rats said of people stays', async () => {
    for (const text of ['Rats, I forgot the tickets.', 'Rats! The ferry has gone.']) {
      expect(await candidates(text)).not.toContainEqual(expect.stringMatching(/^negative-evaluation:/));
    }
    expect(await candidates('Rats, all of them, the Greycloaks.')).toContain('negative-evaluation:Rats');
    expect(await candidates('The Greycloaks are rats.')).toContain('negative-evaluation:rats');
  });
});
