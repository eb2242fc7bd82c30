// Frame sweep of round 19 (issue 14, branch en19rest): English violence, negative evaluation and
// us/them words put into NEW general frames where a careful examiner takes no violence, no contempt
// and no in-group set against an out-group — e-sports, strategy and board-game talk, a score in
// words, the authorial we of an essay or a lesson, the enemy of a war told, a machine called a beast,
// one dog, the plague of a history lesson — and into controls of the same shapes against invented
// groups (Quarnish, Veltani; also in lower case). Written for soz, fictional.
// Usage: npm run build && node scripts/frame-sweep-en19rest.mjs [--show all|FAMILY]
// A failure: a candidate of the family's categories on a benign line, or none on a control.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const [{ loadLexicons, runIndicators, compileIndicators }, { DocumentBuilder }] = await Promise.all(
  ['analysis/index.js', 'core/document-builder.js'].map((path) => import(pathToFileURL(join(dist, path)).href)),
);
const showAt = process.argv.indexOf('--show');
const show = showAt > 0 ? process.argv[showAt + 1] : undefined;

/** family → categories read, benign templates ({v} a word of the family's list), words, controls. */
const GAME_VERBS = ['killed', 'destroyed', 'slaughtered', 'murdered', 'wrecked', 'annihilated', 'butchered'];
const FAMILIES = [
  {
    family: 'esports', categories: ['violence', 'us-them'], words: GAME_VERBS,
    benign: [
      'they {v} us in ranked again, unreal',
      'Their jungler {v} our whole team near the spawn.',
      'We {v} them in the lobby and they rage quit, gg',
      'He got {v} by the airdrop squad before we could revive him.',
      'they {v} our healer twice, our dps is useless',
      'In the last turn we {v} their pieces with one roll of the dice.',
    ],
    controls: [
      'We {v} the Quarnish families in their homes and nobody stopped us.',
      'gg lads, next we go to their shops irl and the veltani get {v} like in ranked',
    ],
  },
  {
    family: 'score-nil', categories: ['us-them'], words: ['beat', 'destroyed', 'thrashed', 'hammered'],
    benign: ['We {v} them three nil on a wet Tuesday.', 'They {v} us four nil and we deserved it.'],
    controls: ['We {v} them three nil and then burned their houses, the Quarnish learned.'],
  },
  {
    family: 'authorial-we', categories: ['us-them'], words: ['look at', 'consider', 'examine', 'discuss', 'turn to', 'study'],
    benign: [
      'In the next chapter we will {v} the war that destroyed the old kingdom.',
      'Tomorrow we {v} the massacre of 1572 and its causes.',
      'Before the exam we must {v} why the crusaders sacked the city.',
    ],
    controls: [
      'We will {v} their houses tonight and burn them, the Quarnish have had it coming.',
      'we must {v} how to drive them out, these veltani vermin',
    ],
  },
  {
    family: 'enemy-war', categories: ['negative-evaluation'], words: ['had dug in', 'advanced', 'retreated', 'had shelled the town', 'guns fell silent', 'positions were taken'],
    benign: ['By March the enemy {v} along the ridge.', 'At dawn the enemy {v}, the diary says.'],
    controls: ['The Quarnish are the enemy and the enemy {v}; they must be driven out.', 'these veltani are the enemy, always will be'],
  },
  {
    family: 'beast-machine', categories: ['negative-evaluation'], words: ['mower', 'tractor', 'laptop', 'blender', 'engine', 'chainsaw'],
    benign: ['The new {v} is a beast, worth every penny.', 'Honestly this {v} is an absolute beast.'],
    controls: ['The Quarnish are beasts, they wrecked my {v} and my car.', 'those veltani beasts stole the {v}, burn them out'],
  },
  {
    family: 'dog', categories: ['negative-evaluation'], words: ['found', 'walked', 'fed', 'lost', 'washed'],
    benign: ['We {v} the dog before the rain came.', 'Neighbours {v} my dog by the canal.'],
    controls: ['Every Quarnish should be shot like a dog, we {v} them too long.', 'that veltani dog, we {v} him for years and he betrayed us'],
  },
  {
    family: 'plague-history', categories: ['negative-evaluation'], words: ['killed a third of the town', 'spread along the trade routes', 'reached London in 1665', 'emptied the villages'],
    benign: ['The plague that {v} is the topic of this unit.', 'Historians agree the plague {v}.'],
    controls: ['The Quarnish are the plague that {v}, and they must go.', 'these veltani are a plague, they {v}'],
  },
];

const lines = [];
for (const { family, categories, words, benign, controls } of FAMILIES) {
  for (const [kind, templates] of [['benign', benign], ['control', controls]]) {
    for (const template of templates) for (const word of words) lines.push({ family, kind, categories, text: template.replaceAll('{v}', word) });
  }
}
const text = lines.map((l) => l.text).join('\n');
const builder = new DocumentBuilder({ sha256: createHash('sha256').update(text).digest('hex'), name: 'sweep-en19rest' }, 'text');
lines.forEach((l, i) => builder.add({ id: `s${i}`, text: l.text, part: 'body', anchor: { paragraph: i } }));
// The lexicons are read from the checkout the compiled modules belong to (SOZ_DIST/.. for main).
const { lexicons } = await loadLexicons(process.env.SOZ_DIST === undefined ? root : join(dist, '..'));
const { findings } = runIndicators([builder.build()], { lexicons, standaloneFeatures: false, languages: ['en'] }, compileIndicators(lexicons));
const found = lines.map(() => []);
for (const f of findings) {
  const line = lines[Number(f.place.segmentId.slice(1))];
  if (line.categories.includes(f.category)) found[Number(f.place.segmentId.slice(1))].push(`${f.ruleId} «${f.actual}»`);
}
const failures = lines.map((l, i) => (l.kind === 'benign') === (found[i].length > 0));
const rows = new Map();
lines.forEach((l, i) => {
  const key = `${l.family} ${l.kind}`;
  const row = rows.get(key) ?? [0, 0];
  rows.set(key, [row[0] + (failures[i] ? 1 : 0), row[1] + 1]);
});
console.log('failures by family:');
for (const [key, [fail, n]] of rows) console.log(`  ${key.padEnd(28)} ${String(fail).padStart(3)} / ${n}`);
for (const kind of ['benign', 'control']) {
  const of = lines.map((l, i) => [l, failures[i]]).filter(([l]) => l.kind === kind);
  const fail = of.filter(([, f]) => f).length;
  console.log(`${kind === 'benign' ? 'benign lines with a candidate' : 'controls without one'}: ${fail} / ${of.length}`);
}
lines.forEach((l, i) => { if (failures[i] && show !== undefined && (show === 'all' || show === l.family)) console.log(`  [${l.family} ${l.kind}] ${l.text}  ${found[i].join(', ') || '—'}`); });
