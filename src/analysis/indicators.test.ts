// Detector tests: bare features (pronouns, imperatives, modals) stay standalone so each rule is seen; grouping is tested in indicators-grouping.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../core/canonical-json.js';
import { DocumentBuilder } from '../core/document-builder.js';
import type { MessageInfo, SozDocument } from '../core/document.js';
import type { Finding } from '../core/finding.js';
import type { Lexicon } from './lexicon-check.js';
import { loadLexicons } from './lexicon-files.js';
import { CANDIDATE_LABEL, runIndicators } from './indicators.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let lexicons: Lexicon[] = [];
beforeAll(async () => {
  lexicons = (await loadLexicons(ROOT)).lexicons;
});

function doc(...texts: string[]): SozDocument {
  const b = new DocumentBuilder({ sha256: 'b'.repeat(64), name: 'case.txt' }, 'text');
  texts.forEach((text, i) => b.add({ id: `p${i}`, text, part: 'body', anchor: { paragraph: i } }));
  return b.build();
}

function find(findings: readonly Finding[], ruleId: string, actual?: string): Finding {
  const f = findings.find((x) => x.ruleId === ruleId && (actual === undefined || x.actual === actual));
  if (!f) throw new Error(`no finding ${ruleId} ${actual ?? ''}; got ${findings.map((x) => `${x.ruleId}:${x.actual}`).join(', ')}`);
  return f;
}

/** Asserts a finding of `ruleId` at the offset of `word` (its `occurrence`-th appearance) in the text. */
function expectAt(d: SozDocument, findings: readonly Finding[], ruleId: string, word: string, occurrence = 0): Finding {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = d.text.indexOf(word, start + 1);
  const f = findings.find((x) => x.ruleId === ruleId && x.place.range[0] === start);
  expect(f, `${ruleId} at ${start} («${word}»); got ${findings.map((x) => `${x.ruleId}@${x.place.range[0]}`).join(' ')}`).toBeDefined();
  expect(f?.place.range).toEqual([start, start + word.length]);
  expect(f?.actual).toBe(word);
  return f as Finding;
}

describe('indicator candidates — offsets per category and language', () => {
  it('Russian: call to action, violence, group, us/them, negative evaluation, religious term', () => {
    const d = doc('Мы должны защитить наших детей. Уничтожайте врагов!', 'Узбеки и мусульмане живут здесь. Они не паразиты. Джихад означает усилие.');
    const f = runIndicators([d], { lexicons, standaloneFeatures: true }).findings;
    expectAt(d, f, 'ru.us-them.my', 'Мы');
    expectAt(d, f, 'ru.call-to-action.obligation-dolzhen', 'должны');
    expectAt(d, f, 'ru.call-to-action.imperative-2pl-yte', 'Уничтожайте');
    expectAt(d, f, 'ru.violence.unichtozhit', 'Уничтожайте');
    expectAt(d, f, 'ru.negative-evaluation.vrag', 'врагов');
    expectAt(d, f, 'ru.group-designation.uzbeki', 'Узбеки');
    expectAt(d, f, 'ru.group-designation.musulmane', 'мусульмане');
    const parasite = expectAt(d, f, 'ru.negative-evaluation.parazit', 'паразиты');
    expect(parasite.countervailing).toContain('negated');
    const jihad = expectAt(d, f, 'ru.religious-terminology.dzhihad', 'Джихад');
    expect(jihad.countervailing).toContain('mainstream-meaning');
    expect(jihad.mainstreamMeaning).toMatch(/Усердие/);
    // The citation names the version of the lexicon file that matched (bumped by every tuning round).
    const cited = lexicons.find((lexicon) => lexicon.lexicon === 'ru.religious-terminology');
    expect(cited?.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(jihad.citation).toMatchObject({ lexicon: 'ru.religious-terminology', lexiconVersion: cited?.version, entryId: 'ru.religious-terminology.dzhihad' });
    expect(jihad.citation?.source).toMatch(/Ислам: энциклопедический словарь/);
    expect(jihad.reason).toMatch(/Religious term/);
  });

  it('Kyrgyz: morphological imperative, hortative, obligation, violence, groups', () => {
    const d = doc('Кыргыздар, баргыла! Биз жерибизди коргойлу. Аларды өлтүрүшү керек эмес. Мусулмандар намаз окушат.');
    const f = runIndicators([d], { lexicons, standaloneFeatures: true }).findings;
    expectAt(d, f, 'ky.group-designation.kyrgyz', 'Кыргыздар');
    expectAt(d, f, 'ky.call-to-action.imperative-2pl', 'баргыла');
    expectAt(d, f, 'ky.us-them.biz', 'Биз');
    expectAt(d, f, 'ky.call-to-action.hortative-1pl', 'коргойлу');
    expectAt(d, f, 'ky.us-them.alar', 'Аларды');
    expectAt(d, f, 'ky.violence.oltur', 'өлтүрүшү');
    const must = expectAt(d, f, 'ky.call-to-action.obligation-kerek', 'өлтүрүшү керек');
    expect(must.countervailing).toContain('negated');
    expectAt(d, f, 'ky.group-designation.musulman', 'Мусулмандар');
    expect(expectAt(d, f, 'ky.religious-terminology.namaz', 'намаз').mainstreamMeaning).toBeDefined();
    expect(f.some((x) => x.actual === 'Кыргызстан')).toBe(false);
  });

  it('Kyrgyz verb negation inside the word is marked negated', () => {
    // One word is too short for language identification; the examiner can fix the language.
    const d = doc('Өлтүрбөгүлө!');
    const f = runIndicators([d], { lexicons, standaloneFeatures: true, languages: ['ky'] }).findings;
    expect(expectAt(d, f, 'ky.violence.oltur', 'Өлтүрбөгүлө').countervailing).toContain('negated');
  });

  it('English: sentence-initial imperative, let us, must, violence, groups', () => {
    const d = doc("Attack them now. Let us stand together; the migrants must leave. We hate nobody.");
    const f = runIndicators([d], { lexicons, standaloneFeatures: true, languages: ['en'] }).findings;
    expectAt(d, f, 'en.call-to-action.imperative', 'Attack');
    expectAt(d, f, 'en.violence.attack', 'Attack');
    expectAt(d, f, 'en.us-them.they', 'them');
    expectAt(d, f, 'en.call-to-action.lets', 'Let us');
    expectAt(d, f, 'en.group-designation.migrants', 'migrants');
    expectAt(d, f, 'en.call-to-action.must', 'must');
    expect(f.some((x) => x.ruleId === 'en.call-to-action.imperative' && x.actual === 'stand')).toBe(false);
  });

  it('Uzbek (both scripts) and Kazakh: calls, violence, groups', () => {
    const cyr = doc('Ўзбеклар, юринглар! Уларни ўлдириш керак.');
    const fc = runIndicators([cyr], { lexicons, standaloneFeatures: true, languages: ['uz-Cyrl'] }).findings;
    expectAt(cyr, fc, 'uz-Cyrl.group-designation.ozbek', 'Ўзбеклар');
    expectAt(cyr, fc, 'uz-Cyrl.call-to-action.imperative-2pl', 'юринглар');
    expectAt(cyr, fc, 'uz-Cyrl.violence.oldir', 'ўлдириш');
    const lat = doc("O‘zbeklar, yuringlar! Ularni o'ldirish kerak. Qirg'izlar keldi.");
    const fl = runIndicators([lat], { lexicons, standaloneFeatures: true, languages: ['uz-Latn'] }).findings;
    expectAt(lat, fl, 'uz-Latn.group-designation.ozbek', 'O‘zbeklar');
    expectAt(lat, fl, 'uz-Latn.call-to-action.imperative-2pl', 'yuringlar');
    expectAt(lat, fl, 'uz-Latn.violence.oldir', "o'ldirish");
    expectAt(lat, fl, 'uz-Latn.group-designation.qirgiz', "Qirg'izlar");
    const kk = doc('Қазақтар, барайық! Оларды өлтіру керек емес. Соғыс болмасын.');
    const fk = runIndicators([kk], { lexicons, standaloneFeatures: true, languages: ['kk'] }).findings;
    expectAt(kk, fk, 'kk.group-designation.qazaq', 'Қазақтар');
    expectAt(kk, fk, 'kk.call-to-action.hortative-1pl', 'барайық');
    expectAt(kk, fk, 'kk.violence.oltir', 'өлтіру');
    expectAt(kk, fk, 'kk.violence.sogys', 'Соғыс');
  });
});

describe('voice and countervailing circumstances', () => {
  it('negation, question and conditional in the clause', () => {
    const d = doc('Не убивайте никого. Надо ли взорвать мост? Если бы они напали, мы бы стреляли.');
    const f = runIndicators([d], { lexicons, standaloneFeatures: true }).findings;
    expect(expectAt(d, f, 'ru.violence.ubit', 'убивайте').countervailing).toEqual(['negated']);
    expect(expectAt(d, f, 'ru.violence.vzorvat', 'взорвать').countervailing).toContain('question');
    expect(expectAt(d, f, 'ru.violence.strelyat', 'стреляли').countervailing).toContain('conditional');
    const en = doc("Don't kill anyone. Should we fight? If they attack, we defend. Unless you burn it, fine.");
    const fe = runIndicators([en], { lexicons, standaloneFeatures: true, languages: ['en'] }).findings;
    expect(expectAt(en, fe, 'en.violence.kill', 'kill').countervailing).toContain('negated');
    expect(expectAt(en, fe, 'en.violence.war', 'fight').countervailing).toContain('question');
    expect(expectAt(en, fe, 'en.violence.attack', 'attack').countervailing).toContain('conditional');
    expect(expectAt(en, fe, 'en.violence.burn', 'burn').countervailing).toContain('conditional');
  });

  it('a news text reporting a threat gives reported speech; its quotation gives quotation', () => {
    const d = doc(
      'Бишкек, 3 марта. Как сообщает пресс-служба милиции, задержанный ранее заявил, что взорвет здание суда.',
      'По словам следователя, он написал в чате: «Мы всех убьем».',
    );
    const f = runIndicators([d], { lexicons, standaloneFeatures: true }).findings;
    const threat = expectAt(d, f, 'ru.violence.vzorvat', 'взорвет');
    expect(threat.voice).toBe('reported');
    expect(threat.countervailing).toContain('reported');
    const quoted = expectAt(d, f, 'ru.violence.ubit', 'убьем');
    expect(quoted.voice).toBe('quotation');
    expect(quoted.countervailing).toEqual(expect.arrayContaining(['quoted', 'reported']));
    const en = doc('The suspect said he would bomb the station, according to police.');
    expect(expectAt(en, runIndicators([en], { lexicons, standaloneFeatures: true, languages: ['en'] }).findings, 'en.violence.bomb', 'bomb').voice).toBe('reported');
  });

  it('own words without markers are own voice', () => {
    const d = doc('Уничтожьте их.');
    const f = runIndicators([d], { lexicons, standaloneFeatures: true }).findings;
    expect(expectAt(d, f, 'ru.violence.unichtozhit', 'Уничтожьте').voice).toBe('own');
  });

  it('forwarded and reaction messages carry their voice; blockquote segments are quotations', () => {
    const message = (id: string, role: MessageInfo['role']): MessageInfo => ({
      platform: 'telegram', chatId: 'c1', chatName: 'Chat', messageId: id, author: { name: 'Azamat' },
      timestamp: { iso: '2024-05-01T10:00:00', offset: 'unknown', raw: '2024-05-01T10:00:00' }, role,
      ...(role === 'forwarded' ? { forwardedFrom: { name: 'Other channel' } } : {}),
    });
    const b = new DocumentBuilder({ sha256: 'c'.repeat(64), name: 'result.json' }, 'telegram-json');
    b.add({ id: 'm1', text: 'Убивайте их.', part: 'message', anchor: { messageId: '1' }, message: message('1', 'forwarded') });
    b.add({ id: 'm2', text: 'Kill them.', part: 'message', anchor: { messageId: '2' }, message: message('2', 'authored') });
    b.add({ id: 'm2.q1', text: 'They fought and killed.', part: 'message', anchor: { messageId: '2' }, message: message('2', 'authored') });
    const d = b.build();
    const f = runIndicators([d], { lexicons, standaloneFeatures: true }).findings;
    const fwd = find(f, 'ru.violence.ubit');
    expect(fwd.voice).toBe('forwarded');
    expect(fwd.countervailing).toContain('forwarded');
    expect(fwd.author).toBe('Azamat');
    expect(fwd.place.messageId).toBe('1');
    expect(find(f, 'en.violence.kill', 'Kill').voice).toBe('own');
    const q = find(f, 'en.violence.kill', 'killed');
    expect(q.voice).toBe('quotation');
    expect(q.place.segmentId).toBe('m2.q1');
  });

  it('records a homoglyph evasion (Latin o inside a Cyrillic word)', () => {
    const d = doc('Надо уничтoжить их.');
    const f = runIndicators([d], { lexicons, standaloneFeatures: true }).findings;
    const hit = expectAt(d, f, 'ru.violence.unichtozhit', 'уничтoжить');
    expect(hit.normalisations).toHaveLength(1);
    expect(hit.normalisations?.[0]).toContain(`document offset ${d.text.indexOf('o')}`);
    expect(hit.normalisations?.[0]).toMatch(/homoglyph/);
  });
});

describe('findings as data', () => {
  it('carry place, line/column, context cut at the segment, and stable ids', () => {
    const d = doc('Первый абзац.', 'Вторая строка\nи здесь убейте всех, кто пришёл.');
    const f = runIndicators([d], { lexicons, standaloneFeatures: true, contextWindow: 10 }).findings;
    const hit = expectAt(d, f, 'ru.violence.ubit', 'убейте');
    expect(hit.place).toMatchObject({ documentId: d.id, segmentId: 'p1', part: 'body', line: 4, column: 9, evidenceName: 'case.txt' });
    expect(hit.context.left).toBe('а\nи здесь ');
    expect(hit.context.right).toBe(' всех, кто');
    const wide = runIndicators([d], { lexicons, standaloneFeatures: true, contextWindow: 500 }).findings.find((x) => x.id === hit.id);
    expect(wide?.context.left).toBe('Вторая строка\nи здесь ');
    expect(hit.id).toMatch(/^F[0-9a-f]{12}$/);
    expect(CANDIDATE_LABEL).toMatch(/not a conclusion/);
    expect(JSON.stringify(hit)).not.toMatch(/score|extremist/i);
  });

  it('is deterministic and sorted', () => {
    const d = doc('Уничтожайте врагов! Kill them. Кыргыздар, баргыла!', 'Джихад — усилие.');
    const a = canonicalJson(runIndicators([d], { lexicons, standaloneFeatures: true }).findings);
    const b = canonicalJson(runIndicators([d], { lexicons, standaloneFeatures: true }).findings);
    expect(a).toBe(b);
    const offsets = runIndicators([d], { lexicons, standaloneFeatures: true }).findings.map((x) => x.place.range[0]);
    expect(offsets).toEqual([...offsets].sort((x, y) => x - y));
  });

  it('answers every finding of one long segment alike along the text (a chat exported as plain text)', () => {
    // One 100 000-character segment without blank lines. Its cost (once quadratic: per-finding scans
    // from the segment's start) is measured by `node scripts/bench-indicators.mjs`, not here.
    const line = 'Он сказал, что не надо убивать врагов (Мф 5:44); Kill them all. Джихад — усилие? Мы должны.\n';
    const d = doc(line.repeat(Math.ceil(100_000 / line.length)));
    const found = runIndicators([d], { lexicons, standaloneFeatures: true }).findings;
    expect(found.length).toBeGreaterThan(5_000);
    const last = found[found.length - 1] as Finding;
    expect(last.place.line).toBe(d.text.slice(0, last.place.range[0]).split('\n').length);
    // Per-line answers do not drift along the text: the same fragment gets the same circumstances.
    const firstLine = found.filter((f) => f.place.line === 1).map((f) => `${f.ruleId}|${f.voice}|${f.countervailing.join(',')}`);
    const lastLine = found.filter((f) => f.place.line === last.place.line).map((f) => `${f.ruleId}|${f.voice}|${f.countervailing.join(',')}`);
    expect(lastLine).toEqual(firstLine);
    expect(firstLine.some((x) => x.includes('|quotation|'))).toBe(true);
    expect(firstLine.some((x) => x.includes('question'))).toBe(true);
  });

  it('filters by author, role and date; unknown times are excluded from dated runs', () => {
    const b = new DocumentBuilder({ sha256: 'd'.repeat(64), name: 'chat.json' }, 'telegram-json');
    const msg = (id: string, author: string, iso: string | null): MessageInfo => ({ platform: 'telegram', chatId: 'c', chatName: 'c', messageId: id, author: { name: author }, timestamp: { iso, offset: 'unknown', raw: iso ?? '' }, role: 'authored' });
    b.add({ id: 'm1', text: 'Убейте их.', part: 'message', message: msg('1', 'A', '2024-01-01T10:00:00') });
    b.add({ id: 'm2', text: 'Убейте их.', part: 'message', message: msg('2', 'B', '2024-03-01T10:00:00') });
    b.add({ id: 'm3', text: 'Убейте их.', part: 'message', message: msg('3', 'A', null) });
    const d = b.build();
    const ids = (filter: object) => [...new Set(runIndicators([d], { lexicons, standaloneFeatures: true, filter }).findings.map((x) => x.place.segmentId))];
    expect(ids({ authors: ['A'] })).toEqual(['m1', 'm3']);
    expect(ids({ since: '2024-02-01' })).toEqual(['m2']);
    expect(ids({ until: '2024-01-01' })).toEqual(['m1']);
    expect(ids({ roles: ['forwarded'] })).toEqual([]);
  });
});
