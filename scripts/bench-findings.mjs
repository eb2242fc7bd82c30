// Indicator candidates against the annotated set corpora/eval/findings (issue 14): per language
// and category, sense precision, recall, voice accuracy and counter-indicator recall, for the
// tuning half and the held-out half; then candidates per 100 messages on real benign corpora.
// Usage: npm run bench:findings [-- --json] [-- --misses tune|heldout] [-- --by-entry]
// (--by-entry: sense precision per lexicon entry on the tuning half only)
// SOZ_DIST overrides the compiled module directory (default ../dist).
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = process.env.SOZ_DIST ?? join(root, 'dist');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { loadLexicons, compileIndicators } = await load('analysis/index.js');
const evalSet = await load('analysis/eval/index.js');
const { inputFromBytes, collectDocuments, DEFAULT_LIMITS } = await load('ingest/adapter.js');
const { adapterFor } = await load('ingest/registry.js');
const { sniffMediaType } = await load('ingest/sniff.js');

const args = process.argv.slice(2);
const json = args.includes('--json');
const missesOf = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : undefined;
const byEntry = args.includes('--by-entry');

// Benign corpora (../shared/corpora-real/SOURCES.md): a devotional channel and two work/school chats.
const corpora = join(root, '..', 'shared', 'corpora-real');
const BENIGN = {
  'devotional channel (telegram/salaf_channel_ar_en.result.json)': 'telegram/salaf_channel_ar_en.result.json',
  'work chat (telegram/full_account_html_export_workgroup_ru/chats/chat_02/messages.html)': 'telegram/full_account_html_export_workgroup_ru/chats/chat_02/messages.html',
  'school class chat (whatsapp/ru_android_group_kz_school.pseudonymised.txt)': 'whatsapp/ru_android_group_kz_school.pseudonymised.txt',
};

const { lexicons } = await loadLexicons(root);
const compiled = compileIndicators(lexicons);
let items;
try {
  items = await evalSet.loadEvalSet(root);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const runs = evalSet.runEvalItems(items, lexicons, compiled);
const halves = { tune: evalSet.scoreRuns(runs.filter((r) => r.item.split === 'tune')), heldout: evalSet.scoreRuns(runs.filter((r) => r.item.split === 'heldout')) };

const benign = [];
for (const [name, rel] of Object.entries(BENIGN)) {
  const file = join(corpora, rel);
  if (!existsSync(file)) {
    console.error(`missing ${file}: the benign corpora live in ../shared/corpora-real beside the repository`);
    process.exit(2);
  }
  const bytes = new Uint8Array(readFileSync(file));
  const input = inputFromBytes(bytes, { name: basename(file), sha256: createHash('sha256').update(bytes).digest('hex'), mediaType: sniffMediaType(bytes.subarray(0, 65536)), limits: DEFAULT_LIMITS });
  benign.push(evalSet.benignRate(name, await collectDocuments(adapterFor(input).extract(input)), lexicons, compiled));
}

if (json) {
  const out = {};
  for (const [half, score] of Object.entries(halves)) out[half] = { ...score, headlines: evalSet.headlines(score) };
  console.log(JSON.stringify({ items: items.length, ...out, benign }, null, 2));
} else if (byEntry) {
  console.log(evalSet.formatByEntry(halves.tune));
} else if (missesOf) {
  console.log(evalSet.formatMisses(halves[missesOf]?.misses ?? []));
} else {
  console.log(`findings benchmark: ${items.length} items (${halves.tune.items} tuning, ${halves.heldout.items} held-out); targets apply to the held-out half of ru, ky, en\n`);
  console.log(evalSet.formatSplit('tuning half', halves.tune) + '\n');
  console.log(evalSet.formatSplit('held-out half', halves.heldout) + '\n');
  console.log(evalSet.formatBenign(benign));
}
