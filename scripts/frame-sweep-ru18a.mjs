// Frame sweep (ru18a, round 18): every entry of ru group-designation, religious-terminology and
// negative-evaluation, in nominative lemma form, put into frames that NAME a thing (a dish, a
// cultivar, a shop, a street, a team, a word cited, a crossword clue, a reported opinion on a
// thing) where an examiner takes no candidate, and into control frames where it is one (hostile
// generalisation against an invented people). us/them pronouns in frames of a team, a firm, a
// class, a village, a generation. Usage: npm run build && node scripts/frame-sweep-ru18a.mjs [ROOT] [--show]
// (ROOT: a tree whose dist/ and lexicons are read, default this one; the entries are this tree's).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { candidatesByLine } from './sweep-candidates.mjs';
import { parse } from 'yaml';
const here = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const flag = args.find((a) => a.startsWith('--'));
const root = args.find((a) => !a.startsWith('--')) ?? here;
const cap = (w) => w[0].toUpperCase() + w.slice(1);
const entries = [];
for (const cat of ['group-designation', 'religious-terminology', 'negative-evaluation']) {
  const lex = parse(readFileSync(join(here, 'sop/lexicons/ru', cat + '.yaml'), 'utf8'));
  for (const e of lex.entries) entries.push({ id: e.id, cat, word: e.lemma ?? e.forms[0] });
}
const NO = {
  dish: (w) => `Заказали в столовой салат «${cap(w)}», порция большая, цена нормальная.`,
  cultivar: (w) => `Сорт смородины «${cap(w)}» у меня третий год даёт ведро ягод.`,
  shop: (w) => `Возле остановки открылся магазин «${cap(w)}», хлеб там свежий.`,
  team: (w) => `Школьная команда «${cap(w)}» заняла второе место на районной эстафете.`,
  cited: (w) => `В диктанте слово «${w}» половина класса написала с ошибкой.`,
  crossword: (w) => `Кроссворд, девять по вертикали: ${w}, ответ подходит по буквам.`,
  dictionary: (w) => `В словаре Ожегова у слова «${w}» два значения.`,
  review: (w) => `Отзыв о ресторане «${cap(w)}»: обслуживание медленное, но плов вкусный.`,
  horse: (w) => `Жеребец по кличке ${cap(w)} пришёл первым на скачках в Чолпон-Ате.`,
  song: (w) => `Песню «${cap(w)}» мы учили к школьному концерту.`,
  hashtag: (w) => `Фото с дачи: ведро огурцов и кот, подпись «${w}?» — шутка соседа.`,
  reportedThing: (w) => `Критик назвал новый роман «${cap(w)}» скучным и затянутым.`,
};
const YES = {
  hostile: (w) => `Доргены — ${w}, гнать их из нашего города, пока не поздно.`,
  wordThem: (w) => `Все эти ${w} доргенские одинаковые, им нельзя верить.`,
};
const PRON = {
  team: ['Мы сегодня проиграли, но они были сильнее на последних минутах.', 'Наши волейболисты выиграли, а их команда уехала без медалей.'],
  firm: ['Мы маленькая фирма, они крупная сеть, но клиенты идут к нам.', 'У них в бухгалтерии вечно всё задерживают, а наши всё сдают вовремя.'],
  class: ['Наш класс против параллельного: они сильнее в футболе, мы в баскетболе.', 'Мы с девочками из 9 «Б» готовим концерт, а они декорации.'],
  village: ['Мы в селе всегда держались вместе, а они в райцентре жили богаче.', 'Наши сельские на сабантуй приехали первыми, их автобус опоздал.'],
  generation: ['Мы в их возрасте уже работали, а они до тридцати живут с родителями.', 'Наше поколение выросло без интернета, а они не знают, что такое кассета.'],
  family: ['Наши приедут в субботу, а они с детьми только в воскресенье.', 'Мы с мужем за ремонт, они с его мамой против.'],
  chat: ['Соседи сверху опять шумят, мы им стучали, а они ноль внимания.', 'Мы с пятого этажа против шлагбаума, они с третьего за.'],
  genuine: ['Мы здесь хозяева, а они, доргены, пусть убираются к себе.', 'Наши деды терпели доргенов, а мы их выгоним.'],
};
const lines = [];
for (const e of entries) {
  for (const [f, t] of Object.entries(NO)) lines.push({ e, frame: f, yes: false, text: t(e.word) });
  for (const [f, t] of Object.entries(YES)) lines.push({ e, frame: f, yes: true, text: t(e.word) });
}
for (const [f, ls] of Object.entries(PRON)) for (const text of ls) lines.push({ e: { id: 'ru.us-them', cat: 'us-them', word: '-' }, frame: 'pron-' + f, yes: f === 'genuine', text });
const hits = await candidatesByLine(root, lines.map((l) => l.text), 'sweep');
const fails = new Map(); const byEntry = new Map(); let noTotal = 0, noFail = 0, yesTotal = 0, yesFail = 0;
lines.forEach((l, i) => {
  const fs = (hits.get(i) ?? []).filter((f) => f.category === l.e.cat && (l.e.cat === 'us-them' || f.ruleId === l.e.id));
  const fail = l.yes ? fs.length === 0 : fs.length > 0;
  if (l.yes) { yesTotal++; if (fail) yesFail++; } else { noTotal++; if (fail) noFail++; }
  if (fail) { fails.set(l.frame, (fails.get(l.frame) ?? 0) + 1); byEntry.set(l.e.id, (byEntry.get(l.e.id) ?? 0) + 1);
    if (flag === '--show') console.log(`FAIL ${l.frame} ${l.e.id}: ${l.text} :: ${fs.map((f) => f.ruleId + '«' + f.actual + '»').join(' ')}`); }
});
console.log(`no-candidate frames: ${noFail}/${noTotal} failed (${(100 * noFail / noTotal).toFixed(1)} %); controls: ${yesFail}/${yesTotal} missed`);
console.log('by frame:', [...fails].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
console.log('by entry:', [...byEntry].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
