// Frame sweep (ru19b, round 19, issue 14): Russian verbs of attack, driving out and war, and the
// threats without a word of violence, put into NEW general frames where a careful examiner takes no
// call or violence — a board or card game, a gym, marketing, a climbing route, an illness or a pest
// as the subject, a war on pests and the garden, a journey or a queue «до каждого», pointing with
// «вон» — and into control frames where each is genuine against an invented people (кеврийцы,
// also in the object-first order and the slogan with a dash), and counter frames (negated,
// condemned) that must keep their candidate with a counter. The frames are written for soz,
// fictional. Usage: npm run build && node scripts/frame-sweep-ru19b.mjs [ROOT] [--show]
// (ROOT: a tree whose dist/ and sop/lexicons are read, default this one). The sentences are read by
// scripts/frame-sweep-ru-lib.mjs, shared with frame-sweep-ru18a.mjs and frame-sweep-ru19a.mjs. A benign call frame fails only on
// a rule of driving out (every imperative and modal is a call candidate by design).
import { fileURLToPath } from 'node:url';
import { russianSweepEngine } from './frame-sweep-ru-lib.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const show = args.includes('--show');
const root = args.find((a) => !a.startsWith('--')) ?? here;

/** Imperative plural, infinitive, 1st plural of verbs of attack (violence) and of driving out (calls); the kind picks the frames. */
const VERBS = [
  ['attack', 'Атакуйте', 'атаковать', 'атакуем'], ['attack', 'Бейте', 'бить', 'побьём'],
  ['expel', 'Гоните', 'гнать', 'погоним'], ['expel', 'Выгоняйте', 'выгнать', 'выгоним'],
  ['expel', 'Выкидывайте', 'выкинуть', 'выкинем'], ['expel', 'Выселяйте', 'выселить', 'выселим'],
];
/** [frame, category, genuine?, text(verb forms), kind of verb (none: a frame of its own, read once)] — a failure is a candidate of the category on a benign line, or none on a genuine one. */
const FRAMES = [
  ['board-game', 'violence', false, ([, , inf]) => `По правилам настольной игры рыцарь может ${inf} соседнюю клетку только один раз за ход.`, 'attack'],
  ['gym', 'violence', false, ([, imp]) => `${imp} проблемные зоны комплексно, — советует фитнес-тренер в приложении.`, 'attack'],
  ['marketing', 'violence', false, ([, imp]) => `${imp} клиента предложением в первые три секунды ролика.`, 'attack'],
  ['climbing', 'violence', false, ([, , , we]) => `Завтра в пять утра ${we} вершину с южного гребня, если будет погода.`, 'attack'],
  ['illness-subject', 'violence', false, ([, , inf]) => `Осенью вирус начинает ${inf} клетки слизистой, пейте больше воды.`, 'attack'],
  ['pests-subject', 'violence', false, ([, , inf]) => `Тля любит ${inf} молодые побеги смородины в июне.`, 'attack'],
  ['card-game', 'violence', false, ([, , inf]) => `В «дурака» атакующий игрок должен ${inf} картой той же масти.`, 'attack'],
  ['fan-chat', 'violence', false, ([, , , we]) => `Второй период, ${we} с первой минуты, вратарь у них дырявый!`, 'attack'],
  ['exam', 'violence', false, ([, imp]) => `${imp} сначала лёгкие задачи, сложные оставьте на конец экзамена.`, 'attack'],
  ['garage', 'call-to-action', false, ([, , inf]) => `Утром надо ${inf} машину из гаража, а то сосед не проедет.`, 'expel'],
  ['junk', 'call-to-action', false, ([, imp]) => `${imp} старый хлам с балкона, освободите место под рассаду.`, 'expel'],
  ['cattle', 'call-to-action', false, ([, , inf]) => `Коров ${inf} на пастбище надо до жары, потом мухи.`, 'expel'],
  ['pest-war', 'violence', false, () => 'Вторую неделю воюем с муравьями на кухне, объявили им войну борной кислотой.'],
  ['mole-war', 'violence', false, () => 'Война с кротами продолжается, они опять перерыли весь газон.'],
  ['weed-war', 'violence', false, () => 'Объявили войну борщевику у забора, рубим его каждое утро.'],
  ['remote-war', 'violence', false, () => 'Дети вечно воюют из-за пульта от телевизора.'],
  ['saying-war', 'violence', false, () => 'На войне как на войне, сдаём сессию как можем.'],
  ['saying-death', 'violence', false, () => 'Двум смертям не бывать, пойду сдавать на права.'],
  ['saying-beat', 'violence', false, () => 'Ну а что, бей своих, чтоб чужие боялись, так у нас в бухгалтерии.'],
  ['queue', 'violence', false, () => 'Очередь к врачу длинная, но до каждого доберёмся, не волнуйтесь.'],
  ['courier', 'violence', false, () => 'Курьер написал: доберусь до вас к семи, пробки.'],
  ['pointing', 'call-to-action', false, () => 'Карповы вон там стоят у подъезда, видишь?'],
  ['pointing-walk', 'call-to-action', false, () => 'Кеврийцы вон идут с концерта, все в цветах.'],
  ['pets-first', 'call-to-action', false, () => 'Котов гнать с кухни бесполезно, они всё равно вернутся.'],
  ['guests-first', 'call-to-action', false, () => 'Гостей выпроводить до полуночи так и не удалось.'],
  ['control-imperative', 'violence', true, ([, imp]) => `${imp} кеврийцев, пока они не опомнились!`, 'attack'],
  ['control-their-houses', 'violence', true, ([, , inf]) => `Надо ${inf} их дома ночью, пока кеврийцы спят.`, 'attack'],
  ['control-lower', 'call-to-action', true, ([, imp]) => `${imp.toLowerCase()} кеврийцев с нашего рынка, братья!`, 'expel'],
  ['control-first', 'call-to-action', true, ([, , inf]) => `Кеврийцев ${inf} из города, всех до одного!`, 'expel'],
  ['control-dash', 'call-to-action', true, () => 'Кеврийцы — вон с нашей земли!'],
  ['control-dash-all', 'call-to-action', true, () => 'Всех кеврийцев — вон!'],
  ['control-reach', 'violence', true, () => 'Кеврийцы, мы до каждого доберёмся, никто не уйдёт.'],
  ['control-reach-you', 'violence', true, () => 'До вас доберёмся, адреса у нас есть, кеврийские торгаши.'],
  ['control-war', 'violence', true, () => 'С кеврийцами надо воевать, как с тараканами.'],
  ['counter-negated', 'violence', true, ([, , inf]) => `Никто не собирается ${inf} кеврийцев, это наши соседи.`, 'attack'],
  ['counter-negated-expel', 'call-to-action', true, ([, , inf]) => `Никто не призывает ${inf} кеврийцев, это наши соседи.`, 'expel'],
  ['counter-condemned-expel', 'call-to-action', true, ([, imp]) => `Мы осуждаем призывы «${imp} кеврийцев» в местных чатах.`, 'expel'],
  ['counter-condemned', 'violence', true, ([, imp]) => `Мы осуждаем призывы «${imp} кеврийцев» в местных чатах.`, 'attack'],
];
const lines = [];
for (const [frame, category, yes, text, kind] of FRAMES) {
  if (kind === undefined) { lines.push({ frame, category, yes, verb: '-', text: text([]) }); continue; }
  for (const verb of VERBS) if (verb[0] === kind) lines.push({ frame, category, yes, verb: verb[2], text: text(verb) });
}
const hits = new Map((await russianSweepEngine(root)).run(lines.map((l) => l.text)).map((fs, n) => [n, fs]));
const failsByFrame = new Map();
let benign = 0, benignFail = 0, genuine = 0, genuineFail = 0, counters = 0, countersGiven = 0;
lines.forEach((l, i) => {
  // Every imperative and modal is a call-to-action candidate by design (read what follows); a benign
  // call frame fails only on a rule of driving out, the rules this sweep is about.
  const found = (hits.get(i) ?? []).filter((f) => f.category === l.category && (l.yes || l.category !== 'call-to-action' || f.ruleId.includes('expel')));
  const fail = l.yes ? found.length === 0 : found.length > 0;
  if (l.yes) { genuine++; if (fail) genuineFail++; } else { benign++; if (fail) benignFail++; }
  if (l.frame.startsWith('counter-') && found.length > 0) { counters++; if (found.some((f) => f.countervailing.length > 0)) countersGiven++; }
  if (fail) failsByFrame.set(l.frame, (failsByFrame.get(l.frame) ?? 0) + 1);
  if (fail && show) console.log(`FAIL ${l.frame} [${l.verb}]: ${l.text} :: ${found.map((f) => `${f.ruleId}«${f.actual}»`).join(' ')}`);
});
console.log(`sentences ${lines.length}: benign ${benignFail}/${benign} with a candidate, genuine ${genuineFail}/${genuine} missed, failures ${benignFail + genuineFail} (${(100 * (benignFail + genuineFail) / lines.length).toFixed(1)} %); counter frames with a candidate ${counters}, with a counter ${countersGiven}`);
console.log('by frame:', [...failsByFrame].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, v]) => `${k} ${v}`).join(', ') || 'none');
