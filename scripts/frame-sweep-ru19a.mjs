// Frame sweep (ru19a, round 19): counters and us/them of the round's families in NEW frames.
// (1) Formulas of a wish or a plea with God in front of a wish or a call («Бог даст, пусть …»,
// «Аллах сакласын, …»): the call must carry the prayer counter; controls name God in a statement
// before a call to drive a people out (no prayer). (2) Denials and disagreements with their
// «что»-clause in front of a word of contempt: the word must carry negation; controls put a call
// of the speaker's own after the next comma, or drop «что» (no negation on the call). (3) Plural
// animals and the pronoun «их» in garden, farm and house frames: no us/them; controls name an
// invented people (тальмиры) beside the same animals. Usage: npm run build && node
// scripts/frame-sweep-ru19a.mjs [ROOT] [--show] (ROOT: the tree whose dist/ and lexicons are read).
import { fileURLToPath } from 'node:url';
import { russianSweepEngine } from './frame-sweep-ru-lib.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const show = args.includes('--show');
const root = args.find((a) => !a.startsWith('--')) ?? here;

const FORMULAS = ['Бог даст', 'Даст Бог', 'Иншааллах', 'Иншаллах', 'Аллах сакласын', 'Кудай сактасын', 'Не приведи Господь', 'Боже упаси', 'Дай Бог', 'Упаси Господь'];
const WISHES = [
  ['пусть внуки вырастут добрыми людьми', 'пусть'],
  ['давайте в субботу всей улицей посадим деревья', 'давайте'],
  ['берегите себя в дороге', 'берегите'],
];
const DENIALS = ['Неправда, что', 'Это неправда, что', 'Не верю, что', 'Я не согласна, что', 'Мы не согласны, что', 'Не правда, будто'];
const CONTEMPT = ['паразиты', 'враги', 'воры', 'предатели', 'нелюди', 'твари'];
const ANIMALS = ['Кроты', 'Слизни', 'Кабаны', 'Осы', 'Голуби', 'Вороны', 'Муравьи', 'Зайцы', 'Мыши', 'Гусеницы'];
const ANIMAL_FRAMES = [
  (a) => `${a} опять всё испортили на даче, подскажите, как их выгнать.`,
  (a) => `${a} третий год портят урожай, соседи их гоняют, а толку ноль.`,
  (a) => `У фермера ${a.toLowerCase()} повадились на поле, надо их отпугнуть.`,
];

const lines = [];
for (const f of FORMULAS) for (const [w, word] of WISHES) lines.push({ family: 'prayer', yes: true, counter: 'prayer', word, text: `${f}, ${w}.` });
for (const g of ['Бог дал нам силы', 'Аллах всё видит', 'Господь нас рассудит']) lines.push({ family: 'prayer-control', yes: false, counter: 'prayer', word: 'давайте выгоним', text: `${g}, давайте выгоним тальмиров с нашего рынка.` });
for (const d of DENIALS) for (const c of CONTEMPT) {
  lines.push({ family: 'denial', yes: true, counter: 'negated', word: c, text: `${d} тальмиры — ${c}, я с ними работаю.` });
  lines.push({ family: 'denial-control', yes: false, counter: 'negated', word: 'гоните', text: `${d} они исправятся, тальмиры — ${c}, гоните их.` });
}
for (const d of ['Я не согласен с мэром', 'Не верю я этому мэру', 'Неправда это всё']) lines.push({ family: 'denial-control', yes: false, counter: 'negated', word: 'надо', text: `${d}, тальмиров надо гнать.` });
for (const a of ANIMALS) for (const t of ANIMAL_FRAMES) lines.push({ family: 'animals', yes: false, usThem: true, text: t(a) });
for (const a of ANIMALS) lines.push({ family: 'animals-control', yes: true, usThem: true, text: `Тальмиры плодятся, как ${a.toLowerCase()}, гоните их.` });

const hits = (await russianSweepEngine(root)).run(lines.map((l) => l.text));
const tally = new Map();
lines.forEach((l, i) => {
  const fs = hits[i] ?? [];
  let ok;
  if (l.usThem) ok = fs.some((f) => f.category === 'us-them' && f.actual.toLowerCase() === 'их') === l.yes;
  else {
    const found = fs.find((f) => f.actual === l.word || f.actual.startsWith(l.word));
    // No candidate of the word at all: the frame says nothing of the counter (counted apart).
    if (found === undefined) { const t = tally.get(l.family) ?? { n: 0, fail: 0, none: 0 }; t.none++; tally.set(l.family, t); return; }
    ok = l.yes ? found.countervailing.includes(l.counter) : !found.countervailing.includes(l.counter);
  }
  const t = tally.get(l.family) ?? { n: 0, fail: 0, none: 0 };
  t.n++; if (!ok) t.fail++;
  tally.set(l.family, t);
  if (!ok && show) console.log(`FAIL ${l.family}: ${l.text} :: ${fs.map((f) => `${f.category}«${f.actual}»[${f.countervailing.join(',')}]`).join(' ')}`);
});
for (const [family, t] of tally) console.log(`${family}: ${t.fail}/${t.n} failed${t.none > 0 ? ` (${t.none} more with no candidate of the word)` : ''}`);
