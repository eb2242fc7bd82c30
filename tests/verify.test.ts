import { beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { snapshotTree, soz, tempDir } from './support/cli.js';

const DEMO_MATERIALS = new URL('../corpora/demo/materials/', import.meta.url).pathname;
const demoFiles = () => readdirSync(DEMO_MATERIALS).sort().map((name) => join(DEMO_MATERIALS, name));

/** Runs soz verify in-process with a fixed clock. */
const verify = (argv: readonly string[]) => soz(['verify', ...argv], { now: new Date('2026-03-10T09:00:00Z') });

let original = '';

beforeAll(async () => {
  original = join(tempDir('soz-verify-'), 'case');
  const made = await soz(['run', ...demoFiles(), '--out', original, '--language', 'ru']);
  expect(made.code, made.stderr).toBe(0);
  const second = await soz(['report', original, '--language', 'en']);
  expect(second.code, second.stderr).toBe(0);
});

/** A private copy of the untouched case to tamper with. */
function copyCase(): string {
  const dir = join(tempDir('soz-tamper-'), 'case');
  cpSync(original, dir, { recursive: true });
  return dir;
}

/** Changes one byte (the first occurrence of `from`, or at `offset`) of a case file. */
function flipByte(dir: string, relative: string, where: { from: string; to: string } | { offset: number }): void {
  const path = join(dir, ...relative.split('/'));
  chmodSync(path, 0o644);
  const bytes = readFileSync(path);
  const offset = 'offset' in where ? where.offset : bytes.indexOf(Buffer.from(where.from, 'utf8'));
  expect(offset, `${where} in ${relative}`).toBeGreaterThanOrEqual(0);
  if ('offset' in where) bytes[offset] = bytes[offset]! ^ 0x01;
  else Buffer.from(where.to, 'utf8').copy(bytes, offset);
  writeFileSync(path, bytes);
}

function logLines(dir: string): string[] {
  return readFileSync(join(dir, 'log.jsonl'), 'utf8').trimEnd().split('\n');
}

function writeLog(dir: string, lines: readonly string[]): void {
  writeFileSync(join(dir, 'log.jsonl'), `${lines.join('\n')}\n`);
}

describe('soz verify on an untouched case', () => {
  it('exits 0, reproduces every artefact and leaves the case unchanged', async () => {
    const before = snapshotTree(original);
    const result = await verify([original]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('evidence: 3 matched, 0 changed, 0 missing, 0 new');
    expect(result.stdout).toContain('hash chain intact');
    expect(result.stdout).toMatch(/re-run: \d+ artefact\(s\) compared, all identical/);
    expect(result.stdout).toMatch(/verify: \d+ checks, 0 differences\n$/);
    expect(snapshotTree(original)).toEqual(before);
  });

  it('prints the same bytes every time and no temporary path', async () => {
    const first = await verify([original]);
    const second = await verify([original]);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).not.toContain('soz-verify-');
  });
});

describe('soz verify names each change (tamper evidence)', () => {
  const cases: { name: string; tamper: (dir: string) => void; expect: RegExp[] }[] = [
    {
      name: 'one byte of an evidence copy',
      tamper: (dir) => {
        const copy = readdirSync(join(dir, 'evidence'))[0]!;
        flipByte(dir, `evidence/${copy}`, { offset: 10 });
      },
      expect: [/evidence: 2 matched, 1 changed, 0 missing, 0 new/, /FIRST DIFFERENCE: evidence\/[0-9a-f]{64}\.txt \([a-z_]+\.txt\): evidence copy changed — registered sha256 [0-9a-f]{64}, now [0-9a-f]{64}/],
    },
    {
      name: 'a new file in evidence/',
      tamper: (dir) => writeFileSync(join(dir, 'evidence', 'extra.txt'), 'planted'),
      expect: [/0 missing, 1 new/, /evidence\/extra\.txt: new file in evidence\//],
    },
    {
      name: 'a deleted evidence copy',
      tamper: (dir) => rmSync(join(dir, 'evidence', readdirSync(join(dir, 'evidence'))[0]!), { force: true }),
      expect: [/1 missing/, /evidence copy missing/],
    },
    {
      name: 'one byte of a derived document',
      tamper: (dir) => {
        const doc = readdirSync(join(dir, 'derived', 'documents'))[0]!;
        // The text is the second line of a compact document file.
        flipByte(dir, `derived/documents/${doc}`, { from: '\n"', to: '\n"X' });
      },
      expect: [/derived\/documents\/[^ ]+\.ndjson: sha256 [0-9a-f]{64} differs from the log \(entry 5, analysis\.run/, /derived\/documents\/[^ ]+\.ndjson: line 2: \$: stored "X/],
    },
    {
      name: 'one byte of an analysis file',
      tamper: (dir) => {
        const name = readdirSync(join(dir, 'derived', 'analyses')).filter((file) => file.endsWith('.ndjson')).sort()[0]!;
        const path = join(dir, 'derived', 'analyses', name);
        const text = readFileSync(path, 'utf8');
        const match = /(\d)([,}\]])/.exec(text)!;
        const digit = match[1] === '9' ? '8' : String(Number(match[1]) + 1);
        writeFileSync(path, text.slice(0, match.index) + digit + text.slice(match.index + 1));
      },
      expect: [/FIRST DIFFERENCE: derived\/analyses\/[^ ]+\.ndjson: sha256/, /derived\/analyses\/[^ ]+\.ndjson: line \d+: \$\.[^ ]+: stored \d+, reproduced \d+/],
    },
    {
      name: 'one byte of the manifest',
      tamper: (dir) => flipByte(dir, 'derived/manifest.json', { from: '"node": "v', to: '"node": "w' }),
      expect: [
        /^note: Node version differs — manifest "w/m,
        /derived\/manifest\.json: sha256 [0-9a-f]{64} differs from the log/,
        /derived\/manifest\.json: \$\.runtime\.node: stored "w[\d.]+", reproduced "v[\d.]+"/,
      ],
    },
    {
      name: 'one byte of a report',
      tamper: (dir) => flipByte(dir, 'reports/report.ru.md', { offset: 3 }),
      expect: [/reports\/report\.ru\.md: sha256 [0-9a-f]{64} differs from the log \(entry 6, report\.render/, /reports\/report\.ru\.md: report digest line says [0-9a-f]{64}, the text above it hashes to/, /reports\/report\.ru\.md: line 1, column \d+: stored/],
    },
    {
      name: 'one byte of a log entry (still valid JSON)',
      tamper: (dir) => {
        const lines = logLines(dir);
        lines[2] = lines[2]!.replace('"actor":"', '"actor":"X');
        writeLog(dir, lines);
      },
      expect: [/log\.jsonl: log entry 3 \(evidence\.add\): content changed/],
    },
    {
      name: 'a log line made invalid JSON',
      tamper: (dir) => {
        const lines = logLines(dir);
        lines[1] = lines[1]!.replace('{', '[');
        writeLog(dir, lines);
      },
      expect: [/log\.jsonl: line 2 is not a valid JSON entry/],
    },
    {
      name: 'a deleted log entry',
      tamper: (dir) => writeLog(dir, logLines(dir).filter((_line, index) => index !== 3)),
      expect: [/log entry 4: sequence is 5, expected 4 \(entry deleted, inserted or reordered\)/, /log entry 4: previousHash/],
    },
    {
      name: 'two log entries swapped',
      tamper: (dir) => {
        const lines = logLines(dir);
        [lines[1], lines[2]] = [lines[2]!, lines[1]!];
        writeLog(dir, lines);
      },
      expect: [/log entry 2: sequence is 3, expected 2/],
    },
    {
      name: 'an inserted log entry',
      tamper: (dir) => {
        const lines = logLines(dir);
        lines.splice(4, 0, lines[3]!);
        writeLog(dir, lines);
      },
      expect: [/log entry 5: sequence is 4, expected 5/],
    },
  ];

  for (const item of cases) {
    it(`finds ${item.name}`, async () => {
      const dir = copyCase();
      item.tamper(dir);
      const result = await verify([dir]);
      expect(result.code, result.stdout).toBe(1);
      for (const pattern of item.expect) expect(result.stdout).toMatch(pattern);
      expect(result.stdout).toMatch(/verify: \d+ checks, [1-9]\d* differences?\n$/);
    });
  }
});
