/**
 * The last English inside localised lines (issue 18): the sub-problems a refusal lists, why a
 * ZIP entry is refused, what `soz verify` finds different, and case facts not given to `soz run`.
 * A general guard: run common error paths and outputs with `--lang ru` and `--lang ky`; no line
 * may hold a run of three or more English words once what soz quotes is set aside (file names,
 * flags, values in quotes, codes, hashes and the `soz …` commands it names). The same paths in
 * English are caught by the guard, so it is not blind.
 */
import { chmodSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { soz, tempDir } from './support/cli.js';

/** A token that is a code, path, flag, id, number or hash — never prose. */
const CODE = /[0-9/\\._:@#<>[\]=|$*-]/;

/**
 * Runs of three or more English (ASCII-letter) words in a line: quoted text and the commands soz
 * names (`soz review`, `soz question list`) are removed first; a code or punctuation ends a run.
 */
function englishRuns(line: string): string[] {
  const rest = line
    .replace(/"[^"]*"|«[^»]*»|'[^']*'|`[^`]*`/g, ' ')
    .replace(/\bsoz( [a-z][a-z-]*){0,2}/g, ' ');
  const runs: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length >= 3) runs.push(run.join(' '));
    run = [];
  };
  for (const chunk of rest.split(/\s+/)) {
    const word = chunk.replace(/^[(—–]+|[),;:?!.—–]+$/g, '');
    if (/^[A-Za-z]+$/.test(word) && !CODE.test(word)) run.push(word);
    else close();
    if (/[,;:?!)(]/.test(chunk)) close(); // a phrase ends at its punctuation
  }
  close();
  return runs;
}

let root = '';
let dir = '';
let tampered = '';
let unsafeZip = '';
let brokenZip = '';
let finding = '';

/** The error paths and outputs checked in each language. */
function paths(): string[][] {
  return [
    ['review', dir, '--accept', 'F9', '--reason', ''],
    ['review', dir, '--reject', finding, '--reason', 'x', '--question', 'Q9'],
    ['review', dir, '--add', 'nope:0-5', '--category', 'Bad', '--reason', ''],
    ['review', dir, '--voice', 'quotation', '--finding', finding, '--reason', ''],
    ['question', 'decide', dir, 'Q9', '--answered'],
    ['question', 'override', dir, 'Q9', '--reason', ''],
    ['expert', 'sign', dir, 'E9'],
    ['expert', 'add', dir, '--name', 'Эксперт', '--speciality', 'astrologer', '--qualification', 'к. филол. н.', '--experience', 'many', '--institution', 'Вымышленный центр'],
    ['case', 'set', dir, '--received', '2026-03-05', '--start', '2026-03-01'],
    ['case', 'set', dir, '--form', 'team'],
    ['person', 'add', dir, '--name', ' ', '--note', ' '],
    ['relation', 'set', dir, '--person', 'P9', '--doc', 'nope', '--relation', 'bogus', '--reason', ''],
    ['sop', 'relate', dir, 'nope.txt', '--relation', 'bogus', '--note', ''],
    ['add', dir, unsafeZip],
    ['add', dir, brokenZip],
    ['verify', tampered],
    ['verify', dir, '--expect-head', `2:${'a'.repeat(64)}`],
  ];
}

beforeAll(async () => {
  root = tempDir('soz-i18n-inner-');
  dir = join(root, 'дело');
  const note = join(root, 'записка.txt');
  writeFileSync(note, 'Соседи! Приходите в субботу к старой мельнице.\nОни опять заняли наше пастбище, пусть уезжают.\n');
  expect((await soz(['init', dir, '--case-number', '1-23', '--ordering-body', 'Вымышленный суд', '--examiner', 'Эксперт А.', '--language', 'ru'])).code).toBe(0);
  expect((await soz(['add', dir, note, '--quiet'])).code).toBe(0);
  expect((await soz(['analyze', dir, '--quiet'])).code).toBe(0);
  const listed = JSON.parse((await soz(['review', dir, '--list', '--json'])).stdout) as { open: { id: string }[] };
  finding = listed.open[0]!.id;
  expect((await soz(['report', dir])).code).toBe(0);
  // A copy whose stored analysis no longer matches what the re-run reproduces.
  tampered = join(root, 'изменённое');
  cpSync(dir, tampered, { recursive: true });
  const analyses = join(tampered, 'derived', 'analyses');
  const file = join(analyses, readdirSync(analyses).find((name) => name.endsWith('.ndjson'))!);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\d/, (digit) => String((Number(digit) + 1) % 10)));
  const evidence = join(tampered, 'evidence');
  chmodSync(evidence, 0o755);
  writeFileSync(join(evidence, 'лишний.txt'), 'вымышленный файл, которого нет в реестре\n');
  // A seized archive with an entry that climbs out of the folder (made here, fictional content).
  const zip = new JSZip();
  zip.file('../выход.txt', 'вымышленный текст', { createFolders: false });
  unsafeZip = join(root, 'архив.zip');
  writeFileSync(unsafeZip, await zip.generateAsync({ type: 'nodebuffer' }));
  // A damaged one: the parser's own (English) message is quoted and said to be the parser's.
  brokenZip = join(root, 'повреждённый.zip');
  writeFileSync(brokenZip, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]));
}, 120_000);

describe('the details inside localised lines', () => {
  it('recognises runs of English words and leaves quoted values, codes and commands alone', () => {
    expect(englishRuns('нельзя записать подпись E9: no expert E9 in the case')).toEqual(['in the case']);
    expect(englishRuns('derived/x.ndjson: строка 1: $.result: stored 2, reproduced 1')).toEqual([]);
    expect(englishRuns('см. soz question list ДЕЛО; --speciality "to be named": используйте')).toEqual([]);
    expect(englishRuns('нельзя: the case names no experts')).toEqual(['the case names no experts']);
  });

  for (const language of ['ru', 'ky'] as const) {
    it(`--lang ${language}: no run of three English words in any line`, async () => {
      const found: string[] = [];
      for (const argv of paths()) {
        const result = await soz(['--lang', language, ...argv]);
        expect(result.code, `${argv.join(' ')}\n${result.stderr}`).not.toBe(0);
        for (const line of `${result.stdout}${result.stderr}`.split('\n')) for (const run of englishRuns(line)) found.push(`${argv.slice(0, 2).join(' ')}: «${run}» in: ${line}`);
      }
      expect(found).toEqual([]);
    }, 120_000);
  }

  it('the same paths in English are caught by the guard (it is not blind)', async () => {
    const caught = [];
    for (const argv of paths()) {
      const result = await soz(argv);
      if (`${result.stdout}${result.stderr}`.split('\n').some((line) => englishRuns(line).length > 0)) caught.push(argv[0]);
    }
    expect(caught.length).toBeGreaterThanOrEqual(paths().length - 2);
  }, 120_000);

  it('--json of verify keeps its differences in English whatever the language', async () => {
    const inRussian = await soz(['--lang', 'ru', 'verify', tampered, '--json']);
    const inEnglish = await soz(['verify', tampered, '--json']);
    expect(inRussian.code).toBe(1);
    expect(inRussian.stdout).toBe(inEnglish.stdout);
    const { differences } = JSON.parse(inRussian.stdout) as { differences: string[] };
    expect(differences.some((line) => /: stored .*, reproduced /.test(line))).toBe(true);
    expect(differences.some((line) => line.endsWith('лишний.txt: new file in evidence/ that the register does not name'))).toBe(true);
  }, 120_000);
});
