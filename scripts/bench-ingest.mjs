#!/usr/bin/env node
// Benchmark of the Telegram JSON adapter on a generated full-account export.
//
//   npm run bench:ingest                     # ~1 GB export, builds dist first
//   node scripts/bench-ingest.mjs --size-mb 200
//   SOZ_DIST=/tmp/soz-dist node scripts/bench-ingest.mjs --size-mb 1024 --threads 2
//
// The export is generated deterministically (fictional Russian / Kyrgyz / English text, forwards,
// replies, blockquotes and other entities, reactions, service messages, media) into the temp dir
// and reused when present. Each measurement runs in its own child process (Node's default heap
// limits) so peak RSS (getrusage maxRSS) is its own: (1) the adapter, documents discarded; (2) the
// adapter with every document serialised with JSON.stringify and discarded, as the pipeline does;
// (3) the floor of any JSON.parse-based design: the scanner + TextDecoder + JSON.parse in one
// thread, nothing built; (4) plain stream-json (pick + streamValues) over the same messages.
// Every line gives wall-clock and CPU-time figures (all threads of the child) and the load average
// before → after: on a shared machine the wall clock mostly measures the other tenants.
// Evidence hashing (done once at intake) is not part of these figures.
import { Buffer } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { spawnSync } from 'node:child_process';
import { setInterval, clearInterval } from 'node:timers';
import { createWriteStream, existsSync, openSync, readSync, readFileSync, readdirSync, closeSync, renameSync, statSync } from 'node:fs';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mulberry32 } from './seeded-random.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const sizeMb = Number(option('size-mb', '1024'));
const threads = option('threads', String(availableParallelism()));
const file = option('file', join(tmpdir(), `soz-bench-telegram-${sizeMb}mb.json`));
const child = option('child', '');
// Optional part limits, to measure their effect on memory: --max-messages N --max-json-mb M.
const maxMessages = option('max-messages', '');
const maxJsonMb = option('max-json-mb', '');
// Which measurements to run (comma-separated), e.g. --modes adapter while tuning.
const modes = option('modes', 'adapter,adapter+serialise,json-parse-floor,stream-json').split(',');
const extra = [...(maxMessages !== '' ? ['--max-messages', maxMessages] : []), ...(maxJsonMb !== '' ? ['--max-json-mb', maxJsonMb] : [])];


async function main() {
  if (!existsSync(file)) {
    process.stdout.write(`generating ${sizeMb} MB export at ${file} …\n`);
    await generate(file, sizeMb * 1024 * 1024);
  }
  const bytes = statSync(file).size;
  process.stdout.write(`file: ${file} (${(bytes / 1e6).toFixed(1)} MB), cores: ${availableParallelism()}, parser threads: ${threads}\n\n`);
  const results = {};
  // No heap flag for the children: the adapter must stay within the target with Node's defaults.
  for (const mode of modes) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, '--file', file, '--threads', threads, ...extra], { encoding: 'utf8', env: process.env, maxBuffer: 1 << 20 });
    if (run.status !== 0) {
      process.stdout.write(`${mode}: failed\n${run.stderr}\n`);
      process.exitCode = 1;
      continue;
    }
    const r = JSON.parse(run.stdout.trim().split('\n').pop());
    results[mode] = r;
    const mb = bytes / 1e6;
    process.stdout.write(
      `${mode.padEnd(18)} wall ${r.seconds.toFixed(2).padStart(6)} s ${(mb / r.seconds).toFixed(1).padStart(6)} MB/s | CPU ${r.cpuSeconds.toFixed(2).padStart(6)} s ${(mb / r.cpuSeconds).toFixed(1).padStart(6)} MB/s per core, ${((2 * mb) / r.cpuSeconds).toFixed(1).padStart(6)} MB/s on 2 busy cores | maxRSS ${r.maxRssMb.toFixed(0).padStart(4)} MB (sampled ${r.peakRssMb.toFixed(0)}) | load ${r.load.map((x) => x.toFixed(1)).join('→')} | messages ${r.messages}${r.documents !== undefined ? `  documents ${r.documents}` : ''}${r.serialisedMb !== undefined ? `  JSON out ${r.serialisedMb.toFixed(0)} MB` : ''}\n` +
        (r.threadsCpu.length > 0 ? `${''.padEnd(18)} CPU s by thread at the end (finished workers not listed): ${r.threadsCpu.join(', ')}\n` : ''),
    );
  }
  const a = results['adapter'];
  const as = results['adapter+serialise'];
  const s = results['stream-json'];
  if (a && s) {
    const mb = bytes / 1e6;
    process.stdout.write(`\nratio adapter / stream-json: wall ${(s.seconds / a.seconds).toFixed(2)}× faster, CPU ${(s.cpuSeconds / a.cpuSeconds).toFixed(2)}× less, peak RSS ${(a.maxRssMb / s.maxRssMb).toFixed(2)}×\n`);
    const f = results['json-parse-floor'];
    if (f) process.stdout.write(`adapter CPU per byte vs the single-thread scan+decode+JSON.parse floor on this machine now: ${(a.cpuSeconds / f.cpuSeconds).toFixed(2)}×\n`);
    // The target is for ingest: documents built in memory, as \`soz add\` checks them (adapter).
    // Serialising them (adapter+serialise) is what \`soz analyze\` does next, reported beside it.
    // On a shared machine wall time mostly measures the other tenants; the CPU figure assumes the
    // two cores were ours alone (every thread's CPU time, divided over 2 cores).
    for (const [name, r] of [['adapter', a], ['adapter+serialise', as]]) {
      if (!r) continue;
      const wallOk = mb / r.seconds >= 100;
      const cpuOk = (2 * mb) / r.cpuSeconds >= 100;
      const rssOk = r.maxRssMb <= 512;
      process.stdout.write(`target ≥100 MB/s on 2 cores with peak RSS ≤512 MB (${name}): wall ${wallOk ? 'met' : 'NOT met'}, CPU-based ${cpuOk ? 'met' : 'NOT met'}, RSS ${rssOk ? 'met' : 'NOT met'}\n`);
    }
    process.stdout.write(`(load average now ${loadavg().map((x) => x.toFixed(1)).join(' ')}, cores ${availableParallelism()})\n`);
    if (s.messages !== a.messages) {
      process.stdout.write(`message counts differ: adapter ${a.messages}, stream-json ${s.messages}\n`);
      process.exitCode = 1;
    }
  }
}

async function runChild(mode) {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 50);
  const size = statSync(file).size;
  const load = loadavg()[0];
  const cpu0 = process.cpuUsage();
  const started = process.hrtime.bigint();
  const out = mode === 'stream-json' ? await runStreamJson() : mode === 'json-parse-floor' ? await runParseFloor() : await runAdapter(mode === 'adapter+serialise', size);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  sample();
  const threadsCpu = threadCpu();
  process.stdout.write(`${JSON.stringify({ threadsCpu, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, load: [load, loadavg()[0]], peakRssMb: peak / 1048576, maxRssMb: process.resourceUsage().maxRSS / 1024, ...out })}\n`);
}

/** CPU seconds per thread of this process (Linux /proc), busiest first: shows which thread limits. */
function threadCpu() {
  try {
    const tick = 100;
    const rows = [];
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const seconds = (Number(fields[11]) + Number(fields[12])) / tick;
      if (seconds >= 0.05) rows.push(`${name}${tid === String(process.pid) ? '(main)' : ''} ${seconds.toFixed(2)}`);
    }
    return rows.sort((a, b) => Number(b.split(' ').pop()) - Number(a.split(' ').pop()));
  } catch {
    return [];
  }
}

async function runAdapter(serialise, size) {
  const dist = resolve(process.env.SOZ_DIST ?? fileURLToPath(new URL('../dist/', import.meta.url)));
  const { createTelegramJsonAdapter } = await import(pathToFileURL(join(dist, 'ingest/telegram/index.js')).href);
  const { inputFromFile } = await import(pathToFileURL(join(dist, 'ingest/file-input.js')).href);
  const { DEFAULT_LIMITS } = await import(pathToFileURL(join(dist, 'ingest/adapter.js')).href);
  const head = Buffer.alloc(65536);
  const fd = openSync(file, 'r');
  readSync(fd, head, 0, head.length, 0);
  closeSync(fd);
  const input = inputFromFile(file, { name: 'result.json', sha256: '0'.repeat(64), size, mediaType: 'application/json', head: new Uint8Array(head), limits: DEFAULT_LIMITS });
  const adapter = createTelegramJsonAdapter({
    threads: Number(threads),
    ...(maxMessages !== '' ? { maxMessagesPerDocument: Number(maxMessages) } : {}),
    ...(maxJsonMb !== '' ? { maxJsonBytesPerDocument: Number(maxJsonMb) * 1048576 } : {}),
  });
  if (!adapter.detect(input)) throw new Error('generated export not detected');
  let messages = 0;
  let documents = 0;
  let serialised = 0;
  for await (const doc of adapter.extract(input)) {
    documents++;
    messages += typeof doc.properties.messages === 'number' ? doc.properties.messages : 0;
    if (serialise) serialised += JSON.stringify(doc).length;
  }
  return { messages, documents, ...(serialise ? { serialisedMb: serialised / 1048576 } : {}) };
}

/**
 * The floor of any design that hands messages to JSON.parse: the adapter's own scanner, then
 * TextDecoder + JSON.parse of each batch, in one thread, results dropped. Measured in the same run
 * so the adapter's figure can be read against what this machine does right now.
 */
async function runParseFloor() {
  const dist = resolve(process.env.SOZ_DIST ?? fileURLToPath(new URL('../dist/', import.meta.url)));
  const { TelegramJsonScanner } = await import(pathToFileURL(join(dist, 'ingest/telegram/json-scanner.js')).href);
  const { createReadStream } = await import('node:fs');
  const scanner = new TelegramJsonScanner('result.json', 512);
  const decoder = new TextDecoder();
  let messages = 0;
  const take = (events) => {
    for (const e of events) if (e.kind === 'batch') messages += JSON.parse(`[${decoder.decode(e.batch.bytes)}]`).length;
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) take(scanner.feed(chunk));
  take(scanner.end());
  return { messages };
}

async function runStreamJson() {
  const { parser } = await import('stream-json');
  const { pick } = await import('stream-json/filters/pick.js');
  const { streamValues } = await import('stream-json/streamers/stream-values.js');
  const { default: chain } = await import('stream-chain');
  const { createReadStream } = await import('node:fs');
  let messages = 0;
  const pipeline = chain([createReadStream(file, { highWaterMark: 1024 * 1024 }), parser(), pick({ filter: /^(chats|left_chats)\.list\.\d+\.messages\.\d+$/ }), streamValues()]);
  for await (const item of pipeline) if (item.value !== undefined) messages++;
  return { messages };
}

// ---------- deterministic generator ----------

const WORDS = {
  ru: 'сегодня встреча перенесена на завтра пожалуйста проверьте документы отчёт готов спасибо коллеги вопрос по расписанию ответ будет позже хорошо договорились посмотрю вечером отправил файл в общую папку'.split(' '),
  ky: 'бүгүн жолугушуу эртеңге жылдырылды сураныч документтерди текшергиле отчёт даяр рахмат кесиптештер жооп кийинчерээк болот макул кечинде карайм файлды жалпы папкага жибердим'.split(' '),
  en: 'the meeting moved to tomorrow please check the documents report is ready thanks colleagues question about the schedule answer later fine agreed will look tonight sent the file to the shared folder'.split(' '),
};
const NAMES = ['Айгүл Токтосунова', 'Bolot Asanov', 'Нурлан', 'Elena K.', 'Канат', 'Дарья Смирнова', 'Тилек', 'Mira', 'Азамат Ж.', 'Ольга'];
const CHANNELS = ['Новости района (вымышл.)', 'Fictional Tech Digest', 'Шаар жаңылыктары (ойдон)', 'Weather Bot Channel'];

function sentence(rand) {
  const langs = ['ru', 'ky', 'en'];
  const words = WORDS[langs[Math.floor(rand() * 3)]];
  const n = 4 + Math.floor(rand() * 22);
  const out = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(rand() * words.length)]);
  const s = out.join(' ');
  return s[0].toUpperCase() + s.slice(1) + (rand() < 0.2 ? '?' : '.');
}

function message(rand, id, t, chatKind) {
  const who = Math.floor(rand() * NAMES.length);
  const base = { id, type: 'message', date: localDate(t), date_unixtime: String(t), from: NAMES[who], from_id: `user${1000 + who}` };
  const r = rand();
  if (r < 0.03) {
    const { from, from_id, ...rest } = base;
    return { ...rest, type: 'service', actor: from, actor_id: from_id, action: rand() < 0.5 ? 'invite_members' : 'pin_message', ...(rand() < 0.5 ? { members: [NAMES[(who + 1) % NAMES.length]] } : { message_id: Math.max(1, id - 3) }), text: '', text_entities: [] };
  }
  const m = { ...base };
  if (rand() < 0.3) Object.assign(m, { edited: localDate(t + 60), edited_unixtime: String(t + 60) });
  if (chatKind !== 'channel' && rand() < 0.15) m.forwarded_from = CHANNELS[Math.floor(rand() * CHANNELS.length)];
  if (m.forwarded_from) m.forwarded_from_id = `channel${500 + CHANNELS.indexOf(m.forwarded_from)}`;
  if (rand() < 0.2 && id > 1) m.reply_to_message_id = id - 1 - Math.floor(rand() * Math.min(id - 1, 20));
  if (rand() < 0.12) Object.assign(m, { photo: '(File not included. Change data exporting settings to download.)', photo_file_size: 123456, width: 1280, height: 720 });
  else if (rand() < 0.05) Object.assign(m, { file: '(File not included. Change data exporting settings to download.)', file_name: 'отчёт.xlsx', file_size: 9000, mime_type: 'application/vnd.ms-excel' });
  const parts = [];
  const n = rand() < 0.15 && m.photo ? 0 : 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) parts.push(sentence(rand));
  if (rand() < 0.6) {
    m.text = parts.join(' ');
    m.text_entities = m.text === '' ? [] : [{ type: 'plain', text: m.text }];
  } else {
    const ents = [];
    for (const p of parts) {
      const k = rand();
      if (k < 0.15) ents.push({ type: 'bold', text: p });
      else if (k < 0.3) ents.push({ type: 'blockquote', text: p, collapsed: false });
      else if (k < 0.4) ents.push({ type: 'text_link', text: p, href: 'https://example.org/x' });
      else if (k < 0.45) ents.push({ type: 'hashtag', text: '#жаңылык' });
      else ents.push({ type: 'plain', text: `${p} \\ "цитата" {x}` });
      ents.push({ type: 'plain', text: '\n' });
    }
    m.text = ents.map((e) => (e.type === 'plain' ? e.text : e));
    m.text_entities = ents;
  }
  if (rand() < 0.1) {
    const r2 = who % NAMES.length;
    m.reactions = [{ type: 'emoji', count: 2, emoji: '👍', recent: [{ from: NAMES[(r2 + 2) % NAMES.length], from_id: `user${1000 + ((r2 + 2) % NAMES.length)}`, date: localDate(t + 300) }, { from: NAMES[(r2 + 3) % NAMES.length], from_id: `user${1000 + ((r2 + 3) % NAMES.length)}`, date: localDate(t + 400) }] }];
  }
  return m;
}

function localDate(t) {
  return new Date((t + 6 * 3600) * 1000).toISOString().slice(0, 19);
}

async function generate(path, targetBytes) {
  const rand = mulberry32(20240301);
  const tmp = `${path}.partial`;
  const out = createWriteStream(tmp, { highWaterMark: 4 << 20 });
  let written = 0;
  let pending = [];
  let pendingBytes = 0;
  const write = async (s) => {
    pending.push(s);
    pendingBytes += s.length;
    written += Buffer.byteLength(s);
    if (pendingBytes > 1 << 22) {
      const chunk = pending.join('');
      pending = [];
      pendingBytes = 0;
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    }
  };
  await write('{\n "about": "Here is the data you requested (generated by soz bench; fictional).",\n "personal_information": {\n  "user_id": 1000,\n  "first_name": "Айгүл",\n  "last_name": "Токтосунова",\n  "phone_number": "+996 000 000000",\n  "bio": ""\n },\n "contacts": {\n  "about": "fictional",\n  "list": []\n },\n "chats": {\n  "about": "This page lists all chats from this export.",\n  "list": [\n');
  let chatNo = 0;
  let t = 1_700_000_000;
  while (written < targetBytes - 4096) {
    // One very large chat early on (a quarter of the file) exercises the splitting of chats.
    const budget = chatNo === 1 ? targetBytes / 4 : 2_000_000 + Math.floor(rand() * 30_000_000);
    const kind = chatNo % 5 === 0 ? 'channel' : chatNo % 2 === 0 ? 'group' : 'personal';
    const type = kind === 'channel' ? 'public_channel' : kind === 'group' ? 'private_supergroup' : 'personal_chat';
    await write(`${chatNo > 0 ? ',\n' : ''}   {\n    "name": "Чат ${chatNo} / Chat ${chatNo}",\n    "type": "${type}",\n    "id": ${4_000_000_000 + chatNo},\n    "messages": [\n`);
    const chatStart = written;
    let id = 1;
    while (written - chatStart < budget && written < targetBytes - 4096) {
      t += 1 + Math.floor(rand() * 600);
      const m = message(rand, id, t, kind);
      await write(`${id > 1 ? ',\n' : ''}${JSON.stringify(m, null, 1).replace(/\n/g, '\n     ').replace(/^/, '     ')}`);
      id++;
    }
    await write('\n    ]\n   }');
    chatNo++;
  }
  await write('\n  ]\n },\n "left_chats": {\n  "about": "fictional",\n  "list": []\n }\n}\n');
  out.write(pending.join(''));
  await new Promise((r) => out.end(r));
  renameSync(tmp, path);
}

// Dispatch last: the generator's constants above must be initialised first.
if (child !== '') await runChild(child);
else await main();
