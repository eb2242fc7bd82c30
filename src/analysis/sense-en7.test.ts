// English sense, round 7 (issue 14): us/them pronouns of ordinary groups (src/language/antecedent-en.ts),
// nouns heading a subject and attention-getters that are no imperatives (src/language/imperative-en.ts),
// good wishes and formulas, violence in games, sport and cooking as lexicon data.
// Sentences are fictional, written for these tests.
import { describe, expect, it } from 'vitest';
import { findingsOf } from '../../tests/support/indicator-candidates.js';

/** Candidates of one English text as `category:word`. */
const candidates = async (text: string): Promise<string[]> => (await findingsOf(text, 'en')).map((f) => `${f.category}:${f.actual}`);

describe('English they / them / their that point back to an ordinary group of people', () => {
  it('the students, the neighbours, my colleagues before the pronoun (or in the sentence before) make it no group', async () => {
    expect(await candidates('The students were late again. Punish them!')).toEqual(['call-to-action:Punish']);
    expect(await candidates('The chief urged the villagers to burn their neighbours\' barns.')).not.toContain('us-them:their');
    expect(await candidates('My colleagues missed the deadline, so shout at them and fire them.')).not.toContain('us-them:them');
  });

  it('a group outside the ordinary roles, a name or a national or religious group keeps it a candidate', async () => {
    expect(await candidates('The soldiers came at night. Burn their houses.')).toContain('us-them:their');
    expect(await candidates('The students and the Greycloaks came at night. Burn their houses.')).toContain('us-them:their');
    expect(await candidates('We must fight the unbelievers wherever we find them.')).toContain('us-them:them');
  });
});

describe('English we / us / our of the speaker\'s ordinary group', () => {
  it('our team, my family, as a class: the pronoun names no in-group set against another', async () => {
    expect(await candidates('Our team lost the tender. We must fight back and attack the next one!')).not.toContain('us-them:We');
    expect(await candidates('As a class, we must beat the other school in the quiz and crush them.')).not.toContain('us-them:we');
  });

  it('our land, our brothers, our children keep their weight', async () => {
    expect(await candidates('We must drive the Greycloaks out of our land by force.')).toContain('us-them:our');
    expect(await candidates('Avenge our brothers from Stonebridge!')).toContain('us-them:our');
  });
});

describe('English words that open a clause and are no imperative', () => {
  it('a noun heading the subject of a finite verb (headlines, statements) is no call', async () => {
    for (const text of ['Storm damages roofs across the county.', 'Support for the new park grew last year.', 'Rise in prices hits families hard.', 'Share prices fell sharply on Monday.', 'March is the wettest month here.', 'Act three opens in a forest.']) {
      expect(await candidates(text)).toEqual([]);
    }
    expect(await candidates('Attack helicopters flew over the parade.')).not.toContain('call-to-action:Attack');
  });

  it('an imperative with its object, or before a comma or "to", stays a call', async () => {
    expect(await candidates('Storm the castle at dawn.')).toContain('call-to-action:Storm');
    expect(await candidates('Kill them all before they reach the valley!')).toContain('call-to-action:Kill');
    expect(await candidates('Come to the square armed, the fight has begun!')).toContain('call-to-action:Come');
    expect(await candidates('Make the lessons easy for them, and make the rules clear to them.')).toEqual(['call-to-action:Make', 'call-to-action:make']);
  });

  it('attention-getters before a comma and formulas of parting, reassurance and praise are no requests', async () => {
    for (const text of ['Look, I don\'t know what happened.', 'Listen, the meeting moved to Tuesday.', 'Come on, it\'s only a game.', 'Take care and see you soon.', 'Have a nice day, everyone.', 'Get well soon, grandma.', 'Stay safe on the road.', 'Rest in peace, old friend.', 'Never mind, I found the keys.', 'Feel free to call me.', 'Wish you were here.', 'Tell you what, lunch is on me.']) {
      expect(await candidates(text)).toEqual([]);
    }
    expect(await candidates('Listen to your parents.')).toEqual(['call-to-action:Listen']);
  });
});

describe('English violence in games, sport and cooking', () => {
  it('a sentence of a video game, a sport or a recipe, or the monsters of a game as object, gives no violence', async () => {
    for (const text of ['He got killed by a sniper in the dungeon and respawned.', 'I finally killed the final boss last night.', 'The striker shot twice and the goalkeeper saved both.', 'He shot the ball into the top corner.']) {
      expect(await candidates(text)).toEqual([]);
    }
    expect(await candidates('Smash the garlic and fry it in the skillet.')).not.toContain('violence:Smash');
    expect(await candidates('Kill the heat and let the sauce rest.')).not.toContain('violence:Kill');
  });

  it('the same verbs against people stay violence', async () => {
    expect(await candidates('Kill them all before they reach the valley!')).toContain('violence:Kill');
    expect(await candidates('Smash their windows tonight.')).toContain('violence:Smash');
  });
});
