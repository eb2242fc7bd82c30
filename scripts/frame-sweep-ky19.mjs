// Frame sweep (ky19, round 19): Kyrgyz verbs of violence in their paradigm cells (imperative,
// hortative, 1st-person future, negative imperative, participle, verbal noun, question, 3rd-person
// wish) put into general frames: frames where no violence candidate is right (pests, rubbish
// burnt, abstract evils vowed away in a campaign, a computer game, a record broken), frames where
// the candidate is right and must carry a counter (reported with «деп», «… боюнча», a negative
// imperative, a conditional «эгер … -са», a question «-бы/-пы», a curse asked of «Кудай»/«Алла», a
// condemnation), and controls (a call, a vow, a hortative against an invented group, no counter).
// Nouns: a nation's name before a dish or a thing, a kitchen knife. Usage: npm run build && node
// scripts/frame-sweep-ky19.mjs [ROOT] [--show] (ROOT: a tree whose dist/ and lexicons are read).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
const here = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const show = args.includes('--show');
const root = args.find((a) => !a.startsWith('--')) ?? here;
const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { loadLexicons, runIndicators, compileIndicators } = await load('analysis/index.js');
const { DocumentBuilder } = await load('core/document-builder.js');
const cap = (w) => w[0].toUpperCase() + w.slice(1);

// id, imperative 2pl, hortative 1pl, future 1pl, negative imperative 2pl, participle, verbal noun, question, 3rd wish
const V = [
  ['oltur', 'өлтүргүлө', 'өлтүрөлү', 'өлтүрөбүз', 'өлтүрбөгүлө', 'өлтүргөн', 'өлтүрүү', 'өлтүрөбүзбү', 'өлтүрсүн'],
  ['saba', 'сабагыла', 'сабайлы', 'сабайбыз', 'сабабагыла', 'сабаган', 'сабоо', 'сабайбызбы', 'сабасын'],
  ['kyr', 'кыргыла', 'кыралы', 'кырабыз', 'кырбагыла', 'кырып салган', 'кырып салуу', 'кырабызбы', 'кырып салсын'],
  ['orttoo', 'өрттөгүлө', 'өрттөйлү', 'өрттөйбүз', 'өрттөбөгүлө', 'өрттөгөн', 'өрттөө', 'өрттөйбүзбү', 'өрттөсүн'],
  ['talkala', 'талкалагыла', 'талкалайлы', 'талкалайбыз', 'талкалабагыла', 'талкалаган', 'талкалоо', 'талкалайбызбы', 'талкаласын'],
  ['jok-kyl', 'жок кылгыла', 'жок кылалы', 'жок кылабыз', 'жок кылбагыла', 'жок кылган', 'жок кылуу', 'жок кылабызбы', 'жок кылсын'],
  ['ur', 'ургула', 'уралы', 'урабыз', 'урбагыла', 'урган', 'уруу', 'урабызбы', 'урсун'],
  ['kol-sal', 'кол салгыла', 'кол салалы', 'кол салабыз', 'кол салбагыла', 'кол салган', 'кол салуу', 'кол салабызбы', 'кол салсын'],
].map(([id, imp, hort, fut, neg, part, vn, q, wish]) => ({ id: `ky.violence.${id}`, imp, hort, fut, neg, part, vn, q, wish }));
const G = 'көрпөлдөр';   // invented group (plural); accusative and dative below
const GA = 'көрпөлдөрдү';

// frames where the verb's violence candidate is wrong: [name, verbs it fits, text]
const NO = [
  ['pests', ['oltur', 'kyr', 'jok-kyl'], (v) => `Бакчадагы чиркейлерди жана курттарды дары себип ${v.imp}, түшүм сакталат.`],
  ['pests-vow', ['oltur', 'jok-kyl'], (v) => `Быйыл үйдөгү тарakandарды биротоло ${v.fut}, дары алдык.`.replace('тарakandарды', 'таракандарды')],
  ['rubbish', ['orttoo'], (v) => `Күзүндө кургак жалбырактарды короодо ${v.neg}, айып пул салынат.`],
  ['abstract-vow', ['jok-kyl', 'talkala'], (v) => `Талапкер шайлоодо жеңсек, коррупцияны жана жакырчылыкты ${v.fut} деп убада берди.`],
  ['abstract-call', ['jok-kyl'], (v) => `Жаштар, сабатсыздыкты ${v.hort}, китеп окугула!`],
  ['game', ['oltur', 'jok-kyl', 'talkala'], (v) => `Компьютердик оюнда зомбилерди ${v.imp}, ошондо кийинки деңгээлге өтөсүңөр.`],
  ['record', ['talkala'], (v) => `Жеңил атлетчи өткөн жылдагы рекордду ${v.part} деп спорт сайты жазды.`],
  ['wall', ['talkala'], (v) => `Эски сарайды ${v.imp}, ордуна жаңы гараж курабыз.`],
];
// frames where the candidate is right and carries the counter: [name, counter, text]
const COUNTER = [
  ['reported-dep', 'reported', (v) => `Кошунасы ${GA} ${v.imp} деп айткан дешет, бирок аны эч ким укпаптыр.`],
  ['boyuncha', 'reported', (v) => `Тергөөнүн маалыматы боюнча, шектүүлөр түнкүсүн ${GA} ${v.part}.`],
  ['negated', 'negated', (v) => `Уулум, эч качан эч кимди ${v.neg}, мыйзам баарына бирдей.`],
  ['conditional', 'conditional', (v) => `Эгер ${G} дагы келсе, биз аларды ${v.fut}.`],
  ['question', 'question', (v) => `Эмне, эми ${GA} ${v.q}, акылыңар барбы?`],
  ['prayer', 'prayer', (v) => `Кудай өзү ${GA} ${v.wish}, биз кол көтөрбөйбүз.`],
  ['condemned', 'condemned', (v) => `${cap(G)}ду ${v.vn} чакырыктарын биз кескин айыптайбыз.`.replace(`${cap(G)}ду`, cap(GA))],
];
// controls: a genuine call or threat against the invented group, no counter
const YES = [
  ['call', (v) => `Жигиттер, ${GA} ${v.imp}, алар бизге душман!`],
  ['vow', (v) => `Эртең түнү ${GA} ${v.fut}, баарыңар даяр болгула.`],
  ['hortative', (v) => `Бир туугандар, ${GA} ${v.hort}, бул биздин жер!`],
];
// nouns: a nation's name before a dish or a thing (no group candidate), a kitchen knife (no
// violence candidate), and controls
const NATIONS = ['кыргыз', 'орус', 'өзбек', 'казак', 'тажик', 'дунган', 'уйгур', 'кытай'];
const DISHES = ['ашлямфуусу', 'самсасы', 'шашлыгы', 'кесмеси', 'боорсогу', 'чучуку', 'ширинликтери', 'жаңгагы'];
const NOUN_NO = [
  ...NATIONS.flatMap((n) => DISHES.map((d) => ['dish', `ky.group-designation.${n === 'кыргыз' ? 'kyrgyz' : n === 'орус' ? 'orus' : n === 'өзбек' ? 'ozbek' : n === 'казак' ? 'kazak' : n === 'тажик' ? 'tajik' : n === 'дунган' ? 'dungan' : n === 'уйгур' ? 'uygur' : 'kytay'}`, `Базардан ${n} ${d} алып келдик, абдан даамдуу экен.`])),
  ['knife', 'ky.violence.bychak', 'Кой сойгонго бычакты курчутуп койгула, эртең эрте турабыз.'],
  ['knife', 'ky.violence.bychak', 'Этти курч бычак менен майда туурап, пиязды кошкула.'],
  ['knife', 'ky.violence.bychak', 'Нан кесчү бычагыбыз мокоп калыптыр, жаңысын алып кел.'],
  ['knife', 'ky.violence.bychak', 'Ашкана бычактары сатылат, болоттон, баасы арзан.'],
  ['knife', 'ky.violence.bychak', 'Балам, бычакты столдун четине койбо, түшүп кетет.'],
];
const NOUN_YES = [
  ['knife', 'ky.violence.bychak', `Бычакты курчутуп койдум, эртең ${GA} союп салабыз.`],
  ['knife', 'ky.violence.bychak', `Жигиттер, бычак алып чыккыла, ${GA} сабайбыз.`],
  ['knife', 'ky.violence.bychak', 'Ал кошунасын бычак менен коркутуп, акчасын талап кылган.'],
  ['group', 'ky.group-designation.dungan', 'Дунгандар бул жерде артык, алар биздин нанды жеп жатат.'],
  ['group', 'ky.group-designation.uygur', 'Уйгурлардын баарын бул шаардан кууп чыгышыбыз керек.'],
];

const lines = [];
for (const v of V) {
  const short = v.id.replace('ky.violence.', '');
  for (const [frame, fits, t] of NO) if (fits.includes(short)) lines.push({ id: v.id, frame, kind: 'no', text: t(v) });
  for (const [frame, counter, t] of COUNTER) lines.push({ id: v.id, frame, kind: 'counter', counter, text: t(v) });
  for (const [frame, t] of YES) lines.push({ id: v.id, frame, kind: 'yes', text: t(v) });
}
for (const [frame, id, text] of NOUN_NO) lines.push({ id, frame, kind: 'no', text });
for (const [frame, id, text] of NOUN_YES) lines.push({ id, frame, kind: 'yes', text });

const b = new DocumentBuilder({ sha256: createHash('sha256').update('sweep-ky19').digest('hex'), name: 'sweep-ky19' }, 'text');
lines.forEach((l, i) => b.add({ id: `l${i + 1}`, text: l.text, part: 'body', anchor: { paragraph: i } }));
const { lexicons } = await loadLexicons(root);
const { findings } = runIndicators([b.build()], { lexicons, standaloneFeatures: false, languages: ['ky'] }, compileIndicators(lexicons));
const hits = new Map();
for (const f of findings) { const n = Number(f.place.segmentId.slice(1)) - 1; (hits.get(n) ?? hits.set(n, []).get(n)).push(f); }
const DENY = ['negated', 'conditional', 'question', 'condemned', 'prayer'];
const tally = { no: [0, 0], counter: [0, 0], yes: [0, 0] };
const byFrame = new Map();
lines.forEach((l, i) => {
  const fs = (hits.get(i) ?? []).filter((f) => f.ruleId === l.id);
  let fail;
  if (l.kind === 'no') fail = fs.length > 0;
  else if (l.kind === 'counter') fail = fs.length === 0 || !fs.some((f) => f.countervailing.includes(l.counter));
  else fail = fs.length === 0 || fs.some((f) => f.countervailing.some((c) => DENY.includes(c)));
  tally[l.kind][0]++; if (fail) { tally[l.kind][1]++; byFrame.set(`${l.kind}:${l.frame}`, (byFrame.get(`${l.kind}:${l.frame}`) ?? 0) + 1); }
  if (fail && show) console.log(`FAIL ${l.kind}:${l.frame} ${l.id}: ${l.text} :: ${fs.map((f) => `«${f.actual}» ${f.voice} [${f.countervailing.join(',')}]`).join(' ') || '(none)'}`);
});
const pct = ([n, k]) => `${k}/${n} failed (${n ? (100 * k / n).toFixed(1) : '0.0'} %)`;
console.log(`no-candidate frames: ${pct(tally.no)}; counter frames: ${pct(tally.counter)}; controls: ${pct(tally.yes)}`);
console.log('by frame:', [...byFrame].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', '));
