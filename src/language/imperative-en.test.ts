import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';
import { tagEnglish } from './english-tagger.js';
import { ENGLISH_CLOSED_CLASS_WORDS, NOT_IMPERATIVE_TAGS, englishImperativeWindows, englishImperatives } from './imperative-en.js';

/** The imperative words of `text` as the matcher would prepare them (fictional sentences). */
function imperatives(text: string, known: readonly string[] = []): string[] {
  const words = wordsOf(text);
  return [...englishImperatives(text, words, new Set(known))].sort((a, b) => a - b).map((i) => words[i]?.text ?? '');
}

/** The words of `text` as the matcher prepares them for the imperative reading. */
function wordsOf(text: string): { start: number; end: number; normalised: string; sentenceInitial: boolean; text: string }[] {
  let sentenceStart = true;
  let lastEnd = 0;
  const words: { start: number; end: number; normalised: string; sentenceInitial: boolean; text: string }[] = [];
  for (const t of tokenize(text)) {
    if (text.slice(lastEnd, t.range[0]).includes('\n')) sentenceStart = true;
    lastEnd = t.range[1];
    if (t.kind === 'punct') {
      if (/[.!?]/.test(t.text)) sentenceStart = true;
      continue;
    }
    if (t.kind !== 'word') continue;
    words.push({ start: t.range[0], end: t.range[1], normalised: t.text.toLowerCase().replace(/'/g, ''), sentenceInitial: sentenceStart, text: t.text });
    sentenceStart = false;
  }
  return words;
}

describe('English imperatives by position and word class', () => {
  it('names the windows it will tag first, before any is answered, and none it has answered', () => {
    const text = 'Please mend the fence by the east gate. The ledger moved. Do not forget the lantern of Ashwick.';
    const words = wordsOf(text);
    // Each clause start past its lead-in words, with six words of context; "The" is answered without the tagger.
    expect(englishImperativeWindows(text, words, new Set())).toEqual(['Please mend the fence by the east gate', 'Do not forget the lantern of Ashwick']);
    expect([...englishImperatives(text, words, new Set())].map((i) => words[i]?.text)).toEqual(['mend', 'forget']);
    expect(englishImperativeWindows(text, words, new Set())).toEqual([]);
  });

  it('a base verb opening a sentence, after please / do not, after a vocative or a colon', () => {
    expect(imperatives('Gather your brothers at the old mill.')).toEqual(['Gather']);
    expect(imperatives('Please send the figures. Do not forgive the traitors of Lowmarsh.')).toEqual(['send', 'forgive']);
    expect(imperatives('Brothers, burn their barns tonight.')).toEqual(['burn']);
    expect(imperatives('He wrote: drive them out of Greyford.')).toEqual(['drive']);
  });

  it('a second imperative joined by and, and a verb the tagger misses when it is listed', () => {
    expect(imperatives('O Allah, guide us to the straight path and keep us firm.')).toEqual(['guide', 'keep']);
    expect(imperatives('Avenge our fallen!')).toEqual([]);
    expect(imperatives('Avenge our fallen!', ['avenge'])).toEqual(['Avenge']);
  });

  it('after a vocative a verb read as a name still counts; a subject followed by its verb does not', () => {
    expect(imperatives('Lord, grant peace to those who mourn tonight.')).toEqual(['grant']);
    expect(imperatives('Indeed, man is ungrateful.')).toEqual([]);
  });

  it('statements, labels, headings and parts of addresses are no imperatives', () => {
    expect(imperatives('The police closed the road. We stayed at home.')).toEqual([]);
    expect(imperatives('Note: the office is closed. Read more at example.net today.')).toEqual(['Read']);
    expect(imperatives('Lessons -- part 2 -- part 3')).toEqual([]);
  });

  // Round 6 (issue 14): families found in the devotional channel and langid/en.txt; sentences fictional.
  it('a name before a question is an address, and a question opener no verb', () => {
    expect(imperatives('Chase, where did you park the van?')).toEqual([]);
    expect(imperatives('Skip, have you seen my blue umbrella?')).toEqual([]);
    expect(imperatives('Mark the boxes, then load the van.')).toEqual(['Mark', 'load']);
  });

  it('a word alone on its line is a heading; an opening imperative with a line of its own text stays', () => {
    expect(imperatives('Update\nThe library opens at nine from Monday.')).toEqual([]);
    expect(imperatives('Update the list\nThe library opens at nine.')).toEqual(['Update']);
  });

  it('a verb after and inside a clause of its own is not joined to the imperative, past its comma it is', () => {
    expect(imperatives('Read the letters, which explain and answer most questions.')).toEqual(['Read']);
    expect(imperatives('Ask the twins, because they cook and clean every Sunday.')).toEqual(['Ask']);
    expect(imperatives('Thank the drivers for what they carried, and park the vans in the yard.')).toEqual(['Thank', 'park']);
  });

  it('a comma after a modal is no address; after an opening imperative the next clause needs a verb', () => {
    expect(imperatives('We must, however, keep every receipt until April.')).toEqual([]);
    expect(imperatives('Love your enemies, bless those who curse you.')).toEqual(['Love', 'bless']);
  });

  it('a subject before its verb in the 3rd person singular, and function words, are no imperatives', () => {
    expect(imperatives('So work here starts at eight sharp.')).toEqual([]);
    expect(imperatives('None of the trains stop here on Sundays.')).toEqual([]);
    expect(imperatives('Wherein lies the charm of the old harbour?')).toEqual([]);
  });

  it('a noun/verb homograph before a relative clause and the main verb is its subject; as the object of a relative it stays a verb', () => {
    const known = ['fire', 'smoke', 'kill', 'burn', 'attack', 'drive'];
    expect(imperatives('Water that is too hot burns the skin.')).toEqual([]);
    expect(imperatives('Water that is too hot scalds the skin.')).toEqual([]);
    expect(imperatives('Fire that burns too hot cracks the clay pot.', known)).toEqual([]);
    expect(imperatives('Rain that falls in May helps the wheat.')).toEqual([]);
    expect(imperatives('Smoke which rises from the vents means the bread is ready.', known)).toEqual([]);
    // Controls: no verb after the relative clause, "that" as a determiner, an object before the relative, a comma.
    expect(imperatives('Kill who is against us and who betrays us.', known)).toEqual(['Kill']);
    expect(imperatives('Burn that flag.', known)).toEqual(['Burn']);
    expect(imperatives('Burn that bus that brings them.', known)).toEqual(['Burn']);
    expect(imperatives('Kill them that oppose us.', known)).toEqual(['Kill']);
    expect(imperatives('Burn that news, it lies.', known)).toEqual(['Burn']);
  });

  it('a plural noun after the word heads a compound subject of a base verb; after make / let / watch the base verb is the object\'s', () => {
    const known = ['burn', 'attack', 'kill'];
    expect(imperatives('Guard dogs bark at the gate every night.')).toEqual([]);
    expect(imperatives('Burn injuries need cool running water first.', known)).toEqual([]);
    expect(imperatives('Smoke alarms save lives in old houses.')).toEqual([]);
    // Controls: a causative or perception verb, a plural object with no verb after it.
    expect(imperatives('Make traitors pay for it.')).toEqual(['Make']);
    expect(imperatives('Watch tyrants fall.')).toEqual(['Watch']);
    expect(imperatives('Kill infidels wherever they hide.', known)).toEqual(['Kill']);
    expect(imperatives('Burn bridges behind you.', known)).toEqual(['Burn']);
  });

  it('a relative word ends a subject phrase: the verb after it is the relative clause\'s', () => {
    expect(imperatives('Drive out the invaders who took our homes.', ['drive'])).toEqual(['Drive']);
    expect(imperatives('Kill the traitors who sold our land.', ['kill'])).toEqual(['Kill']);
  });

  it('answers the closed-class words without the tagger as the tagger reads them: never a base verb at a clause start', () => {
    // A sample of scripts/check-english-closed-words.mjs: each word where a clause opens, before and after the words compromise's rules look for.
    for (const word of ENGLISH_CLOSED_CLASS_WORDS) {
      const capitalised = `${word[0]?.toUpperCase() ?? ''}${word.slice(1)}`;
      for (const [text, offset] of [[`${capitalised} the people`, 0], [`I — ${word} the people`, 4], [`He wrote: ${word} me the 3rd`, 10], [`Go and ${word} hundred men`, 7]] as const) {
        const doc = tagEnglish(text);
        doc.compute('offset');
        const terms = doc.document.flat() as { offset?: { start: number }; tags: Set<string> }[];
        const tags = terms.find((term) => term.offset?.start === offset)?.tags ?? new Set<string>();
        expect((tags.has('Imperative') || tags.has('Infinitive')) && !NOT_IMPERATIVE_TAGS.some((t) => tags.has(t)), `${word}: ${text}`).toBe(false);
      }
      expect(imperatives(`${capitalised} documents are ready.`)).toEqual([]);
    }
    // A pronoun is not on the list: the tagger reads "we" as an infinitive here, and its answer is kept.
    expect(ENGLISH_CLOSED_CLASS_WORDS.has('we')).toBe(false);
    expect(imperatives('I — we the people.')).toEqual(['we']);
  });
});

describe('titles and addresses that open no imperative (round 12, blind text)', () => {
  it('a title opening its sentence with small words, a subtitle after a colon or a number, then its verb, is a subject', () => {
    expect(imperatives('Shoot the Piano Player is on at the film club.', ['shoot'])).toEqual([]);
    expect(imperatives('Stand by Me made my brother cry.', ['stand'])).toEqual([]);
    expect(imperatives('Star Trek: The Motion Picture was slow.')).toEqual([]);
    expect(imperatives('Fight Club 2 was announced today.', ['fight'])).toEqual([]);
  });

  it('a verb before a name with no verb after it, a lower-case object or a comma stays an imperative', () => {
    expect(imperatives('Kill the Varn Elders tonight.', ['kill'])).toEqual(['Kill']);
    expect(imperatives('Burn the Kelmori Temple and everyone inside.', ['burn'])).toEqual(['Burn']);
    expect(imperatives('Shoot the Traitor, he is the one.', ['shoot'])).toEqual(['Shoot']);
    expect(imperatives('Attack Greyhill: the gate must fall tonight.', ['attack'])).toEqual(['Attack']);
  });

  it('a capitalised name after the comma of an address that ends its sentence is the one addressed', () => {
    expect(imperatives("It's over, Jack. Let her go.")).toEqual(['Let']);
    expect(imperatives('Good game, Mark!')).toEqual([]);
  });

  it('a verb after the comma of an address that goes on, in lower case, or a listed verb in capitals, stays', () => {
    expect(imperatives('Brothers, rise!', ['rise'])).toEqual(['rise']);
    expect(imperatives('Brothers, Fight!', ['fight'])).toEqual(['Fight']);
    expect(imperatives('Listen to me, Tom, burn the letters.')).toContain('burn');
    expect(imperatives('Trust in Him and He will guide you.')).toEqual(['Trust']);
  });
});

describe('notes in telegraphic style (round 14, blind text)', () => {
  it('a noun with an adjective, then a statement about a thing with a participle or an adjective and no verb, is a note', () => {
    expect(imperatives('Chain free, keys available on completion.')).toEqual([]);
    expect(imperatives('Wound clean and dry, dressing changed.')).toEqual([]);
    expect(imperatives('Chain free, viewing highly recommended.')).toEqual([]);
    expect(imperatives('Loft boarded and dry, garage recently converted.')).toEqual([]);
  });

  it('an imperative with an adjective before a verb, a clause or people after its comma stays', () => {
    expect(imperatives('Keep calm, stay focused.')).toContain('Keep');
    expect(imperatives('Break free, the gates are open.')).toContain('Break');
    expect(imperatives('Stay strong, brothers united.')).toContain('Stay');
    expect(imperatives('Burn alive, every Varn caught at the gate.', ['burn'])).toEqual(['Burn']);
  });
});

describe('what the writer did, with the subject I left out (round 14, blind text)', () => {
  it('a base verb joined by and to a past in -ed tells the past, it asks nothing', () => {
    expect(imperatives('Read the instructions twice and still assembled the shelf backwards.')).toEqual([]);
    expect(imperatives('Cut the grass and watered the beds.')).toEqual([]);
    expect(imperatives('Beat the traffic for once and arrived early.', ['beat'])).toEqual([]);
  });

  it('a past in a relative clause or a second participle of the object keeps the imperative', () => {
    expect(imperatives('Find the men who attacked us and burned our homes.')).toContain('Find');
    expect(imperatives('Kill the men arrested and charged.', ['kill'])).toEqual(['Kill']);
    expect(imperatives('Cut the grass and water the beds.')).toEqual(['Cut', 'water']);
  });
});

describe('a verb joined to an irregular past, and directions that stay requests (round 14)', () => {
  it('an irregular past after and tells the past; left and right of directions keep the request', () => {
    expect(imperatives('Set two alarms and still overslept.')).toEqual([]);
    expect(imperatives('Take the first right and left at the lights.')).toContain('Take');
  });
});

describe('a note whose second statement ends in an adverb or a particle (round 14)', () => {
  it('is a note; an object after the participle keeps the imperative', () => {
    expect(imperatives('Drain clear, output recorded hourly.')).toEqual([]);
    expect(imperatives('Heat low, lid kept on.')).toEqual([]);
    expect(imperatives('Stock fresh, towels changed every morning.')).toEqual([]);
    expect(imperatives('Keep calm, stay focused on the road.')).toContain('Keep');
  });
});

describe('an imperative after a later comma, once the clause before is complete (round 14, blind text)', () => {
  it('a verb before its object after a statement is an imperative', () => {
    expect(imperatives('The Varn elders will answer for this, burn their barns tonight.', ['burn'])).toContain('burn');
    expect(imperatives('Time to teach the Kelmori a lesson they remember, break their windows tonight.')).toContain('break');
  });

  it('no verb before the comma, or a preposition, opens no imperative there', () => {
    expect(imperatives('The Tuareg men, not the women, wear the face veil.')).toEqual([]);
    expect(imperatives('Some old words in place names, like the Catskills, mean a creek.')).toEqual([]);
  });
});

describe('a clause with its own subject after the opening imperative (round 14)', () => {
  it('a verb after and past a form of be is that subject\'s; past a comma the imperative goes on', () => {
    expect(imperatives('Spread the word, the Dremish are liars and deserve nothing.')).toEqual(['Spread']);
    expect(imperatives('Burn their barns, the Varn are vermin, and kill them all.', ['burn', 'kill'])).toEqual(['Burn', 'kill']);
  });
});

describe('a series of verbs after commas that shares the verb form before (round 14, real devotional text)', () => {
  it('opens no imperative; the last clause of a statement does', () => {
    expect(imperatives('He would go to the market, buy the bread, and carry it home.')).toEqual([]);
    expect(imperatives('A story that goes nowhere needs an ear, right now!')).toEqual([]);
    expect(imperatives('The Orvell elders lied to us again, burn their barns tonight.', ['burn'])).toEqual(['burn']);
  });
});
