#!/usr/bin/env node
// Benchmark of `soz analyze` and of the whole run (issue 17), each figure printed beside its floor
// and its target.
//
//   npm run bench:analyze                       # CPU ratios, PDF ratio, end to end at 50/100/200/400 MB
//   node scripts/bench-analyze.mjs --full       # … and the 1 GB export
//   node scripts/bench-analyze.mjs --sizes 50 --runs 1 --parts cpu,e2e,pdf
//   node scripts/bench-analyze.mjs --parts cpu --baseline ../main   # also another build's analyze, interleaved
//   node scripts/bench-analyze.mjs --parts e2e --sizes 50,200 --runs 1 --verify   # … and soz verify after the report
//   node scripts/bench-analyze.mjs --parts startup --baseline ../main   # fixed cost of a command
//   node scripts/bench-analyze.mjs --parts e2e --sizes 50,100,200,400 --runs 1 --workers 2 --stages analyze,verify
//        # no report: verify's re-run against plain analyze, like for like
//   node scripts/bench-analyze.mjs --parts e2e --sizes 50,200 --runs 1 --workers 2 --report-formats md,docx
//        # the report stage renders these formats (default md)
//
// 1. CPU: `soz analyze` on a case holding one file against the floor script (read the text,
//    tokenise with a Unicode regex, count words and bigrams, write JSON), on the real WhatsApp
//    export of ../shared/corpora-real and on 5 MB of ru+ky text built deterministically from the
//    real sentences of ../shared/corpora-real/langid. Medians of interleaved runs; target ≤ 4×.
// 2. End to end: a generated Telegram full-account export (scripts/telegram-export.mjs) through
//    `soz init`, `add`, `analyze`, `report` (Markdown), each its own process, so every stage has
//    its own wall time and peak RSS; derived/ size against the input (by kind, and the documents
//    `add` keeps in extracted/, outside derived/). Targets at 1 GB: ≤ 3 min
//    wall on 2 cores, peak RSS ≤ 1.5 GB, derived/ ≤ input; time linear and memory flat in size.
//    After the first size that fails, bigger sizes are skipped (they would fail the same way).
// 0. Start-up (`--parts startup`): CPU of `soz --version`, `soz sop status` and `soz analyze` of a
//    one-line Russian case — what every command pays before it reads any evidence (module loading,
//    data loading, the Russian dictionary).
// 3. PDF: the PDF adapter (as `soz analyze` extracts) against `pdftotext` on the same many-page PDF;
//    then `soz analyze` of a case holding it, reusing the documents `add` kept against extracting
//    afresh (other limits make another extractor key), interleaved.
//
// Every child runs under /usr/bin/time (wall, user+system CPU of the process and its threads,
// peak RSS) with soz's own heap policy (V8 growing factor 30 %, analysis threads at --max-heap-mb;
// README "Heap policy"), no Node flags of its own. The load average is printed: on a shared machine the
// wall clock mostly measures the other tenants, CPU time much less so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTelegramExport } from './telegram-export.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const here = fileURLToPath(new URL('.', import.meta.url));
const soz = join(here, '..', 'bin', 'soz');
const shared = join(here, '..', '..', 'shared', 'corpora-real');
const runs = Number(option('runs', '3'));
const parts = option('parts', 'startup,cpu,pdf,e2e').split(',');
const sizes = option('sizes', '50,100,200,400').split(',').map(Number).concat(args.includes('--full') ? [1024] : []);
const baseline = option('baseline', '');
// Thread counts `soz analyze` is timed with in the end-to-end part (each on the same case).
const workerCounts = option('workers', '1,2').split(',').map(Number);
// Stages of the end-to-end part (`--stages`): init, add and analyze always run (they make the
// case); the report and verify only when named (`--verify` names verify).
const stagesWanted = option('stages', 'add,analyze,report').split(',').concat(args.includes('--verify') ? ['verify'] : []);
/** The formats the report stage renders (`soz report --format`). */
const reportFormats = option('report-formats', 'md');
const work = mkdtempSync(join(tmpdir(), 'soz-bench-analyze-'));

// The floor: what any tool must at least do to count words and bigrams of the text.
const FLOOR = `
import { readFileSync, writeFileSync } from 'node:fs';
const text = readFileSync(process.argv[2], 'utf8');
const words = new Map();
const bigrams = new Map();
let previous = '';
for (const match of text.matchAll(/[\\p{L}\\p{M}\\p{N}]+/gu)) {
  const word = match[0].toLowerCase();
  words.set(word, (words.get(word) ?? 0) + 1);
  if (previous !== '') { const key = previous + ' ' + word; bigrams.set(key, (bigrams.get(key) ?? 0) + 1); }
  previous = word;
}
writeFileSync(process.argv[3], JSON.stringify({ words: [...words], bigrams: [...bigrams] }));
`;

/** Runs a command under /usr/bin/time; returns wall and CPU seconds and peak RSS in MB. */
function timed(command, commandArgs, label) {
  const report = join(work, 'time.txt');
  const run = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', '-o', report, command, ...commandArgs], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, CI: '1' } });
  const [wall, user, system, rssKb] = readFileSync(report, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  const failed = run.status !== 0 ? `${label} failed (exit ${run.status}): ${(run.stderr || run.stdout).trim().split('\n').filter((line) => line.trim() !== '').slice(-1)[0] ?? ''}` : undefined;
  return { wall, cpu: user + system, rssMb: rssKb / 1024, failed, stdout: run.stdout };
}

function sozTimed(label, ...sozArgs) {
  return timed(process.execPath, [soz, ...sozArgs], label);
}

function baselineTimed(label, ...sozArgs) {
  return timed(process.execPath, [join(baseline, 'bin', 'soz'), ...sozArgs], label);
}

function mustSoz(...sozArgs) {
  const run = spawnSync(process.execPath, [soz, ...sozArgs], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`soz ${sozArgs[0]} failed: ${run.stderr}`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () => loadavg()[0].toFixed(1);
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const verdict = (ok) => (ok ? 'met' : 'NOT met');

function newCase(name, files) {
  const dir = join(work, name);
  mustSoz('init', dir, '--case-number', 'bench', '--ordering-body', 'bench', '--examiner', 'bench');
  mustSoz('add', dir, ...files);
  return dir;
}

/** 5 MB of real ru and ky sentences in a fixed pseudo-random order (the same bytes every run). */
function mixedText(bytes) {
  const sentences = ['ru', 'ky'].flatMap((lang) => readFileSync(join(shared, 'langid', `${lang}.txt`), 'utf8').split('\n').filter((line) => line.trim() !== ''));
  let state = 20261206;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  const lines = [];
  let size = 0;
  while (size < bytes) {
    const paragraph = [];
    for (let i = 0, n = 1 + (next() % 5); i < n; i++) paragraph.push(sentences[next() % sentences.length]);
    const line = paragraph.join(' ');
    lines.push(line);
    size += Buffer.byteLength(line) + 2;
  }
  return lines.join('\n\n') + '\n';
}

function cpuRatio(name, file) {
  const dir = newCase(`cpu-${name}`, [file]);
  const floorScript = join(work, 'floor.mjs');
  writeFileSync(floorScript, FLOOR);
  const analyze = [];
  const floor = [];
  const before = [];
  const loadBefore = load();
  for (let i = 0; i < runs; i++) {
    const a = sozTimed('analyze', 'analyze', dir);
    if (a.failed) return console.log(`${name}: ${a.failed}`);
    analyze.push(a);
    floor.push(timed(process.execPath, [floorScript, file, join(work, 'floor-out.json')], 'floor'));
    if (baseline !== '') before.push(baselineTimed('baseline analyze', 'analyze', dir));
  }
  const a = median(analyze.map((r) => r.cpu));
  const f = median(floor.map((r) => r.cpu));
  console.log(`${''.padEnd(34)} load average ${loadBefore} before, ${load()} after these runs (CPU time compared, not wall: the machine is shared)`);
  const derived = directorySize(join(dir, 'derived'));
  console.log(
    `${name.padEnd(34)} ${mb(statSync(file).size).padStart(6)} MB | soz analyze CPU ${a.toFixed(2).padStart(6)} s (wall ${median(analyze.map((r) => r.wall)).toFixed(2)} s, RSS ${median(analyze.map((r) => r.rssMb)).toFixed(0)} MB) | floor CPU ${f.toFixed(2)} s | ratio ${(a / f).toFixed(1)}× (target ≤ 4×: ${verdict(a / f <= 4)}) | derived/ ${mb(derived)} MB | manifest digest ${digestsOf(analyze)}`,
  );
  if (before.length > 0 && !before.some((r) => r.failed)) {
    const b = median(before.map((r) => r.cpu));
    const same = digestsOf(analyze) === digestsOf(before) ? 'same digest' : `DIFFERENT digest ${digestsOf(before)}`;
    console.log(`${''.padEnd(34)} baseline ${baseline}: analyze CPU ${b.toFixed(2)} s, ratio ${(b / f).toFixed(1)}× (RSS ${median(before.map((r) => r.rssMb)).toFixed(0)} MB), ${same}`);
  }
}

/** The manifest digest(s) `soz analyze` printed in `results` (first 12 hex digits; several when runs differ). */
function digestsOf(results) {
  return [...new Set(results.map((r) => /manifest digest: ([0-9a-f]{12})/.exec(r.stdout)?.[1] ?? 'none'))].join(',');
}

/** CPU seconds of commands with no evidence to read, medians of interleaved runs (and the baseline's). */
function startup() {
  const text = join(work, 'one-line.txt');
  writeFileSync(text, 'Это короткий текст из одной строки для замера запуска.\n');
  const dir = newCase('startup', [text]);
  const commands = [['soz --version', ['--version']], ['soz sop status CASE', ['sop', 'status', dir]], ['soz analyze CASE (one line, ru)', ['analyze', dir, '--quiet']]];
  for (const [label, commandArgs] of commands) {
    const ours = [];
    const before = [];
    for (let i = 0; i < runs; i++) {
      ours.push(sozTimed(label, ...commandArgs));
      if (baseline !== '') before.push(baselineTimed(label, ...commandArgs));
    }
    const failed = [...ours, ...before].find((r) => r.failed);
    if (failed) return console.log(failed.failed);
    const b = before.length > 0 ? `; baseline ${median(before.map((r) => r.cpu)).toFixed(2)} s (RSS ${median(before.map((r) => r.rssMb)).toFixed(0)} MB)` : '';
    console.log(`${label.padEnd(34)} CPU ${median(ours.map((r) => r.cpu)).toFixed(2)} s (RSS ${median(ours.map((r) => r.rssMb)).toFixed(0)} MB)${b} | load ${load()}`);
  }
}

/**
 * derived/ by part, each in MB and as a share of the input: the documents' text lines and the rest
 * of their lines (headers and segments), each analysis file; and the documents add kept in
 * extracted/ (outside derived/). The CSV tables are not in derived/ (schema 3: `soz export --format csv`).
 */
function derivedParts(dir, input) {
  const part = (name, bytes) => `${name} ${mb(bytes)} (${(bytes / input).toFixed(2)}×)`;
  const documents = join(dir, 'derived', 'documents');
  let text = 0;
  let other = 0;
  for (const name of existsSync(documents) ? readdirSync(documents) : []) {
    const bytes = readFileSync(join(documents, name));
    const first = bytes.indexOf(10);
    const second = bytes.indexOf(10, first + 1);
    text += second - first;
    other += bytes.length - (second - first);
  }
  const analyses = join(dir, 'derived', 'analyses');
  const files = existsSync(analyses) ? readdirSync(analyses).sort() : [];
  const extracted = existsSync(join(dir, 'extracted')) ? directorySize(join(dir, 'extracted')) : 0;
  return [part('document text', text), part('document headers and segments', other), ...files.map((name) => part(name, statSync(join(analyses, name)).size))].join(', ') + `; extracted/ kept by add ${mb(extracted)} MB`;
}

function directorySize(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? directorySize(path) : statSync(path).size;
  }
  return total;
}

async function endToEnd() {
  const rows = [];
  for (const size of sizes) {
    const file = join(tmpdir(), `soz-bench-telegram-${size}mb.json`);
    if (!existsSync(file)) {
      console.log(`generating ${size} MB export at ${file} …`);
      await generateTelegramExport(file, size * 1024 * 1024);
    }
    const input = statSync(file).size;
    const dir = join(work, `e2e-${size}`);
    const before = load();
    const stages = [
      ['init', sozTimed('init', 'init', dir, '--case-number', 'bench', '--ordering-body', 'bench', '--examiner', 'bench')],
    ];
    const ok = () => !stages[stages.length - 1][1].failed;
    if (ok()) stages.push(['add', sozTimed('add', 'add', dir, file)]);
    // analyze once per thread count on the same case (each replaces derived/), then the report.
    for (const workers of workerCounts) if (ok()) stages.push([`analyze --workers ${workers}`, sozTimed(`analyze --workers ${workers}`, 'analyze', dir, '--workers', String(workers))]);
    if (ok() && stagesWanted.includes('report')) stages.push([`report ${reportFormats}`, sozTimed('report', 'report', dir, '--format', reportFormats)]);
    // `soz verify` re-runs the analysis (about as long again) and re-renders the report if there is one: its peak RSS is the question.
    if (stagesWanted.includes('verify') && ok()) stages.push(['verify', sozTimed('verify', 'verify', dir)]);
    const failed = stages.find(([, r]) => r.failed)?.[1].failed;
    const analyses = stages.filter(([stage]) => stage.startsWith('analyze'));
    const others = stages.filter(([stage]) => !stage.startsWith('analyze'));
    const derived = existsSync(join(dir, 'derived')) ? directorySize(join(dir, 'derived')) : 0;
    const parts = derivedParts(dir, input);
    const digests = new Set(analyses.map(([, r]) => /manifest digest: ([0-9a-f]{64})/.exec(r.stdout)?.[1]));
    console.log(
      `${mb(input).padStart(7)} MB export: ${stages.map(([stage, r]) => `${stage} ${r.wall.toFixed(1)} s/${r.cpu.toFixed(1)} s CPU/${r.rssMb.toFixed(0)} MB`).join(', ')} | derived/ ${mb(derived)} MB = ${(derived / input).toFixed(2)}× input (${parts}) | same manifest digest for every thread count: ${digests.size === 1 && !digests.has(undefined) ? 'yes' : 'NO'} | load ${before}→${load()}${failed ? `\n           ${failed}` : ''}`,
    );
    let row;
    for (const [stage, analysis] of analyses) {
      const run = [...others, [stage, analysis]];
      const wall = run.reduce((sum, [, r]) => sum + r.wall, 0);
      const cpu = run.reduce((sum, [, r]) => sum + r.cpu, 0);
      const rss = Math.max(...run.map(([, r]) => r.rssMb));
      console.log(`           with ${stage}: total wall ${wall.toFixed(1)} s, CPU ${cpu.toFixed(1)} s, peak RSS ${rss.toFixed(0)} MB; analyze wall ${analysis.wall.toFixed(1)} s, CPU ${analysis.cpu.toFixed(1)} s, peak RSS ${analysis.rssMb.toFixed(0)} MB (target: flat in size, bounded by the largest part; 1 GB run ≤ 1536 MB)`);
      // The rows compared across sizes are those of the last thread count (the default's, 2).
      row = { size, input, wall, cpu, rss, analyzeRss: analysis.rssMb, derived, failed };
    }
    rows.push(row ?? { size, input, wall: 0, cpu: 0, rss: 0, derived, failed });
    rmSync(dir, { recursive: true, force: true });
    if (failed) {
      console.log(`           bigger sizes skipped: ${size} MB already fails`);
      break;
    }
  }
  const done = rows.filter((r) => !r.failed);
  if (done.length >= 2) {
    const [first, last] = [done[0], done[done.length - 1]];
    console.log(`growth ${mb(first.input)} → ${mb(last.input)} MB (${(last.input / first.input).toFixed(1)}× input): CPU ${(last.cpu / first.cpu).toFixed(1)}× (linear: ≈ ${(last.input / first.input).toFixed(1)}×), peak RSS ${(last.rss / first.rss).toFixed(1)}× (flat: ≈ 1×), analyze peak RSS ${first.analyzeRss?.toFixed(0)} → ${last.analyzeRss?.toFixed(0)} MB = ${((last.analyzeRss ?? 0) / (first.analyzeRss ?? 1)).toFixed(1)}× (flat: ≈ 1×)`);
  }
  const gig = done.find((r) => r.size >= 1024);
  const biggest = done[done.length - 1];
  if (gig) console.log(`1 GB target: wall ${gig.wall.toFixed(0)} s ≤ 180 s ${verdict(gig.wall <= 180)}, peak RSS ${gig.rss.toFixed(0)} MB ≤ 1536 MB ${verdict(gig.rss <= 1536)}, derived/ ≤ input ${verdict(gig.derived <= gig.input)}`);
  else if (biggest) console.log(`1 GB target (≤ 180 s, ≤ 1536 MB, derived/ ≤ input) not measured (--full); at ${mb(biggest.input)} MB: wall extrapolated to 1 GB ${((biggest.wall * 1073741824) / biggest.input).toFixed(0)} s, derived/ ≤ input ${verdict(biggest.derived <= biggest.input)}`);
}

/** The script that runs the PDF adapter of the build at `root` twice on one PDF and prints each pass's seconds. */
function pdfExtractScript(root, name) {
  const script = join(work, name);
  const dist = join(root, 'dist');
  writeFileSync(
    script,
    `import { readFileSync } from 'node:fs';
const { adapterFor } = await import(${JSON.stringify(join(dist, 'ingest', 'registry.js'))});
const { DEFAULT_LIMITS, inputFromBytes, collectDocuments } = await import(${JSON.stringify(join(dist, 'ingest', 'adapter.js'))});
const bytes = new Uint8Array(readFileSync(process.argv[2]));
const input = inputFromBytes(bytes, { name: 'x.pdf', sha256: '0'.repeat(64), mediaType: 'application/pdf', limits: DEFAULT_LIMITS });
const seconds = [];
for (let pass = 0; pass < 2; pass++) {
  const started = performance.now();
  const [doc] = await collectDocuments(adapterFor(input).extract(input));
  seconds.push((performance.now() - started) / 1000);
  if (doc.properties.pages !== 25) throw new Error('expected 25 pages, got ' + doc.properties.pages);
}
console.log(JSON.stringify(seconds));
`,
  );
  return script;
}

function pdfRatio() {
  const pdf = join(shared, 'pdf', 'ar_docx2pdf_proposal_25p_presentation_forms.pdf');
  const extract = pdfExtractScript(join(here, '..'), 'extract-pdf.mjs');
  const extractBefore = baseline !== '' ? pdfExtractScript(baseline, 'extract-pdf-baseline.mjs') : undefined;
  const ours = [];
  const before = [];
  const poppler = [];
  for (let i = 0; i < runs; i++) {
    ours.push(timed(process.execPath, [extract, pdf], 'pdf adapter'));
    if (extractBefore) before.push(timed(process.execPath, [extractBefore, pdf], 'baseline pdf adapter'));
    poppler.push(timed('pdftotext', ['-enc', 'UTF-8', pdf, join(work, 'pdf.txt')], 'pdftotext'));
  }
  const failed = [...ours, ...before, ...poppler].find((r) => r.failed);
  if (failed) return console.log(failed.failed);
  const p = median(poppler.map((r) => r.wall));
  const pc = median(poppler.map((r) => r.cpu));
  console.log(`25-page PDF, pdftotext: wall ${p.toFixed(2)} s, CPU ${pc.toFixed(2)} s (whole process)`);
  const adapterLine = (label, list) => {
    const [first, warm] = [0, 1].map((pass) => median(list.map((r) => JSON.parse(r.stdout.trim())[pass])));
    const cpu = median(list.map((r) => r.cpu));
    console.log(`  ${label}, whole process (Node start, pdf.js load, two extractions): wall ${median(list.map((r) => r.wall)).toFixed(2)} s, CPU ${cpu.toFixed(2)} s = ${(cpu / pc).toFixed(0)}× pdftotext's CPU`);
    console.log(`    first extraction in the process ${first.toFixed(2)} s = ${(first / p).toFixed(1)}× pdftotext's wall; warm (second) ${warm.toFixed(2)} s = ${(warm / p).toFixed(1)}×`);
  };
  adapterLine('soz PDF adapter', ours);
  if (before.length > 0) adapterLine(`baseline ${baseline}`, before);
  // Extract once: add keeps the documents, analyze reuses them; other limits force a fresh extraction (as every analyze did before).
  const dir = join(work, 'pdf-case');
  mustSoz('init', dir, '--case-number', 'bench', '--ordering-body', 'bench', '--examiner', 'bench');
  const add = sozTimed('add', 'add', dir, pdf);
  const reused = [];
  const afresh = [];
  for (let i = 0; i < runs; i++) {
    reused.push(sozTimed('analyze', 'analyze', dir, '--quiet'));
    afresh.push(sozTimed('analyze (afresh)', 'analyze', dir, '--quiet', '--max-segments', '999999'));
  }
  const failedCase = [add, ...reused, ...afresh].find((r) => r.failed);
  if (failedCase) return console.log(failedCase.failed);
  const [r, a] = [reused, afresh].map((list) => median(list.map((run) => run.cpu)));
  const [rw, aw] = [reused, afresh].map((list) => median(list.map((run) => run.wall)));
  console.log(`  soz add (extracts once, keeps the documents) CPU ${add.cpu.toFixed(2)} s; soz analyze reusing them CPU ${r.toFixed(2)} s (wall ${rw.toFixed(2)} s) vs extracting afresh CPU ${a.toFixed(2)} s (wall ${aw.toFixed(2)} s): ${(a - r).toFixed(2)} s CPU saved per analyze`);
}

try {
  console.log(`load average ${load()}; ${runs} run(s) per CPU figure, median`);
  if (parts.includes('startup')) {
    console.log('\n--- start-up: CPU of commands that read no evidence');
    startup();
  }
  if (parts.includes('cpu')) {
    console.log('\n--- soz analyze CPU vs the floor script (tokenise, count words and bigrams, write JSON)');
    cpuRatio('real WhatsApp export (ru, school chat)', join(shared, 'whatsapp', 'ru_android_group_kz_school.pseudonymised.txt'));
    const text = join(work, 'ru-ky-5mb.txt');
    writeFileSync(text, mixedText(5 * 1024 * 1024));
    cpuRatio('5 MB ru+ky text (real sentences)', text);
  }
  if (parts.includes('pdf')) {
    console.log('\n--- PDF extraction vs pdftotext');
    pdfRatio();
  }
  if (parts.includes('e2e')) {
    console.log('\n--- end to end: generated Telegram export, soz init + add + analyze + report md');
    await endToEnd();
  }
  console.log(`\nload average now ${load()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
