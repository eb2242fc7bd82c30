/**
 * `soz verify` gives no false alarm on untouched cases: at every stage, in every report format,
 * and as a bundle of the demo; examiner work after the last render is "stale" (exit 4), not
 * tampering; a log cut short with its files is caught by `--expect-head`. Fictional material
 * only (corpora/demo/materials and the bundled practice case).
 */
import { describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { soz, tempDir } from './support/cli.js';
import { untouchedDemo } from './support/demo-case.js';
import { readLog, rechainedLog } from './support/log-edit.js';

const MATERIALS = new URL('../corpora/demo/materials/', import.meta.url).pathname;
const materials = () => readdirSync(MATERIALS).sort().map((name) => join(MATERIALS, name));
const run = (argv: readonly string[]) => soz(argv, { now: new Date('2026-03-11T10:00:00Z') });

async function ok(argv: readonly string[]) {
  const result = await run(argv);
  expect(result.code, `${argv.join(' ')}: ${result.stdout}${result.stderr}`).toBe(0);
  return result;
}

/** The `N:HASH` that verify and report print after "log head:". */
function printedHead(stdout: string): string {
  const match = /^log head: (\d+:[0-9a-f]{64})(?: \(|$)/m.exec(stdout);
  expect(match, stdout).not.toBeNull();
  return match![1]!;
}

async function initCase(): Promise<string> {
  const dir = join(tempDir('soz-verify-stage-'), 'case');
  await ok(['init', dir, '--case-number', 'ДЕЛО-13', '--ordering-body', 'Следственный отдел (вымышленный)', '--examiner', 'Эксперт В. Т.', '--language', 'ru']);
  return dir;
}

describe('an untouched case verifies at every stage and in every report format', () => {
  it('after init, after add, after analyze, and after a report in md, html, pdf and docx', async () => {
    const dir = await initCase();
    expect((await ok(['verify', dir])).stdout).toMatch(/re-run: nothing analysed yet, nothing to reproduce/);
    await ok(['add', dir, ...materials()]);
    expect((await ok(['verify', dir])).stdout).toMatch(/evidence: 3 matched, 0 changed, 0 missing, 0 new/);
    await ok(['analyze', dir]);
    expect((await ok(['verify', dir])).stdout).toMatch(/re-run: \d+ artefact\(s\) compared, all identical/);
    const rendered = await ok(['report', dir, '--format', 'md,html,pdf,docx']);
    const verified = await ok(['verify', dir]);
    expect(printedHead(rendered.stdout)).toBe(printedHead(verified.stdout));
    expect(verified.stdout).toMatch(/verify: \d+ checks, 0 differences\n$/);
    expect(verified.stdout).not.toMatch(/stale/);
  });

  it('an analysis with a selection and a reference corpus is repeated with them (the corpus given again with --reference)', async () => {
    const dir = await initCase();
    await ok(['add', dir, ...materials()]);
    await ok(['analyze', dir, '--query', 'we', '--lemma', '--standalone-features', '--since', '2020-01-01', '--reference', MATERIALS]);
    const without = await run(['verify', dir]);
    expect(without.code).toBe(1);
    expect(without.stdout).toMatch(/^note: the analysis used a reference corpus of \d+ document\(s\) outside the case; give it with --reference DIR/m);
    const verified = await ok(['verify', dir, '--reference', MATERIALS]);
    expect(verified.stdout).not.toMatch(/^note:/m);
  });

  it('a bundle of the untouched demo (practice) case verifies', async () => {
    const out = await untouchedDemo();
    const bundle = join(tempDir('soz-verify-demo-bundle-'), 'demo.zip');
    await ok(['bundle', out, '-o', bundle]);
    const verified = await ok(['verify', bundle]);
    expect(verified.stdout).toMatch(/recorded files: \d+ in the log, all match/);
  });
});

describe('examiner work after the last render is "stale", not tampering', () => {
  it('a review decision after a draft render: exit 4, its own words; re-rendering every format makes it consistent again', async () => {
    const dir = await initCase();
    // The demo materials are benign and raise no candidate: add a fictional call to review.
    const call = join(dir, '..', 'call.txt');
    writeFileSync(call, 'Жители квартала, вооружайтесь и прогоните соседей с рынка!\n');
    await ok(['add', dir, ...materials(), call]);
    await ok(['analyze', dir]);
    await ok(['report', dir, '--format', 'md,html']);
    const candidate = /^(F[0-9a-f]+) /m.exec((await ok(['review', dir, '--list'])).stdout)?.[1];
    expect(candidate).toBeDefined();
    await ok(['review', dir, '--reject', candidate!, '--reason', 'бытовое упоминание']);
    const decided = readLog(dir).at(-1)!;

    const stale = await run(['verify', dir]);
    expect(stale.code, stale.stdout + stale.stderr).toBe(4);
    expect(stale.stdout).toContain(`stale: reports/report.ru.md (entry ${decided.seq - 2}) — the examiner's records changed after it (entry ${decided.seq}, ${decided.action}); not re-rendered`);
    expect(stale.stdout).toMatch(/verify: \d+ checks, 0 differences, 2 stale reports\n$/);
    expect(stale.stderr).toBe(`soz: error: verify: ${dir} is stale, not tampered: the examiner's records changed after the last report (entry ${decided.seq}); re-render with soz report ${dir}\n`);
    expect(stale.stdout + stale.stderr).not.toMatch(/does not match|DIFFERENCE/);

    await ok(['report', dir, '--format', 'md,html']);
    await ok(['verify', dir]);
  });

  it('tampering still wins over staleness (exit 1)', async () => {
    const dir = await initCase();
    await ok(['add', dir, ...materials()]);
    await ok(['analyze', dir]);
    await ok(['report', dir]);
    await ok(['question', 'add', dir, 'Какова коммуникативная направленность текста?']);
    expect((await run(['verify', dir])).code).toBe(4);
    const copy = join(dir, 'evidence', readdirSync(join(dir, 'evidence'))[0]!);
    chmodSync(copy, 0o644);
    writeFileSync(copy, 'changed');
    const result = await run(['verify', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/does not match/);
  });
});

describe('a log cut short together with the files it named', () => {
  it('passes the other checks, and is caught by --expect-head with the head printed before', async () => {
    const dir = await initCase();
    await ok(['add', dir, ...materials()]);
    await ok(['analyze', dir]);
    await ok(['report', dir]);
    const first = printedHead((await ok(['verify', dir])).stdout);
    await ok(['report', dir, '--language', 'en']);
    const second = printedHead((await ok(['verify', dir])).stdout);

    const entries = readLog(dir);
    writeFileSync(join(dir, 'log.jsonl'), rechainedLog(entries.slice(0, Number(first.split(':')[0]))));
    rmSync(join(dir, 'reports', 'report.en.md'));

    expect((await ok(['verify', dir])).stdout).toContain(`log head: ${first}`);
    const caught = await run(['verify', dir, '--expect-head', second]);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(new RegExp(`FIRST DIFFERENCE: log\\.jsonl: has ${first.split(':')[0]} entries, the expected head is entry ${second.split(':')[0]} \\([0-9a-f]{12}…\\) — the log was cut short or replaced`));
    expect((await ok(['verify', dir, '--expect-head', first])).stdout).toContain(`expected head ${first}: present as the log head, it is the last entry`);
  });

  it('names an edited entry before the expected head, and refuses a malformed head (exit 2)', async () => {
    const dir = await initCase();
    await ok(['add', dir, ...materials()]);
    const head = printedHead((await ok(['verify', dir])).stdout);
    const entries = readLog(dir);
    writeFileSync(join(dir, 'log.jsonl'), rechainedLog(entries.map((entry, index) => (index === 0 ? { ...entry, actor: 'someone else' } : entry))));
    const caught = await run(['verify', dir, '--expect-head', head]);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(/entry \d+ has log head [0-9a-f]{12}… and record head [0-9a-f]{12}…, the expected head says [0-9a-f]{12}… — the log was changed, cut short or replaced up to that entry/);
    const malformed = await run(['verify', dir, '--expect-head', '3:abc']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/--expect-head 3:abc: give N:HASH/);
  });
});

describe('the log head printed by verify', () => {
  it('is the entry count and the last entry hash', async () => {
    const dir = await initCase();
    const log = readLog(dir);
    expect(printedHead((await ok(['verify', dir])).stdout)).toBe(`${log.length}:${log.at(-1)!.hash}`);
    expect(readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
