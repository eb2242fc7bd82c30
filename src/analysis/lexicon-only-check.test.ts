import { describe, expect, it } from 'vitest';
import { checkLexiconText } from './lexicon-check.js';

// A fictional English lexicon: `only:` names the words an entry matches from (lemma, variants,
// forms); the matcher compares it with those, so an inflected form there never applies.
const withOnly = (only: string): string => `lexicon: en.violence
version: 1.0.0
language: en
category: violence
description: test
sources:
  - {id: mw, citation: "Merriam-Webster"}
entries:
  - {id: en.violence.war, lemma: war, variants: [fight], exclusions: [{only: [${only}], next: {words: [about]}, note: "Fighting about: quarrelling.", example: "They fight about the remote."}], language: en, category: violence, note: n, source: mw}
`;

describe('soz data validate: only values of an exclusion', () => {
  it('accepts values that name the lemma or a variant', () => {
    expect(checkLexiconText('sop/lexicons/en/violence.yaml', withOnly('war, fight')).problems).toEqual([]);
  });

  it('reports an inflected form in only, which never applies, with entry and fix', () => {
    const problems = checkLexiconText('sop/lexicons/en/violence.yaml', withOnly('fight, fights, fought')).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^sop\/lexicons\/en\/violence\.yaml: entry en\.violence\.war: exclusions\.0\.only: fights, fought are none of the entry's lemma, variants or forms .* — fix: remove them/);
  });
});
