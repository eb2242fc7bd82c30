import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotTree, soz, tempDir } from '../support/cli.js';
import { docx, minimalPdf, para, rawZip } from './generate.js';

// Each limit flag, when reached, gives exit 2 and a one-line error naming the file, the limit
// value and the flag that raises it — and leaves the case as it was.

const INIT = ['--case-number', 'H-9', '--ordering-body', 'test', '--examiner', 'tester'];

async function freshCase(): Promise<string> {
  const dir = join(tempDir('soz-limits-'), 'case');
  expect((await soz(['init', dir, ...INIT])).code).toBe(0);
  return dir;
}

function write(name: string, bytes: Uint8Array | string): string {
  const dir = tempDir('soz-limits-in-');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `Абзац номер ${i + 1}.`).join('\n\n');

const LIMITS: readonly { flag: string; value: string; file: () => Promise<string> | string; message: RegExp }[] = [
  { flag: '--max-file-bytes', value: '10', file: () => write('big.txt', paragraphs(3)), message: /big\.txt: \d+ bytes exceeds the file-size limit of 10; raise it with --max-file-bytes/ },
  {
    flag: '--max-in-memory-bytes',
    value: '100',
    file: () => write('doc.pdf', minimalPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'])),
    message: /doc\.pdf: \d+ bytes is more than this format can read at once \(limit 100\); raise it with --max-in-memory-bytes/,
  },
  {
    flag: '--max-decompressed-bytes',
    value: '1000000',
    file: () => write('export.zip', rawZip([1, 2, 3].map((i) => ({ name: `part${i}.txt`, data: Buffer.from(paragraphs(20_000)) })))),
    message: /export\.zip: .*1000000 bytes.*--max-decompressed-bytes/,
  },
  {
    flag: '--max-decompressed-bytes',
    value: '100000',
    file: async () => write('long.docx', await docx(para(paragraphs(20_000)))),
    message: /long\.docx: would unpack \d+ bytes \(limit 100000\); if the file is genuine, raise --max-decompressed-bytes/,
  },
  {
    flag: '--max-compression-ratio',
    value: '5',
    file: async () => write('spaces.docx', await docx(para(paragraphs(40_000)))),
    message: /spaces\.docx: .*ratio \d+ > limit 5\); if the file is genuine, raise --max-compression-ratio/,
  },
  {
    flag: '--max-compression-ratio',
    value: '5',
    file: () => write('spaces.zip', rawZip([{ name: 'spaces.txt', data: Buffer.from(paragraphs(40_000)) }])),
    message: /spaces\.zip: .*more than 5 times .*--max-compression-ratio/,
  },
  {
    flag: '--max-depth',
    value: '10',
    file: () => write('nested.html', `<!DOCTYPE html><html><body>${'<div>'.repeat(20)}x${'</div>'.repeat(20)}</body></html>`),
    message: /nested\.html: .*10 levels.*--max-depth/,
  },
  {
    flag: '--max-depth',
    value: '10',
    file: async () => write('nested.docx', await docx(`<w:p><w:r>${'<w:x>'.repeat(20)}<w:t>x</w:t>${'</w:x>'.repeat(20)}</w:r></w:p>`)),
    message: /nested\.docx: .*10 levels.*--max-depth/,
  },
  { flag: '--max-segments', value: '10', file: () => write('many.txt', paragraphs(50)), message: /many\.txt: .*10.*--max-segments/ },
  {
    flag: '--max-segments',
    value: '10',
    file: () => write('chat.txt', Array.from({ length: 50 }, (_, i) => `01/02/2024, 10:${String(i).padStart(2, '0')} - Айбек: сообщение ${i}`).join('\n') + '\n'),
    message: /chat\.txt: .*10.*--max-segments/,
  },
];

describe('limits reached: exit 2, the limit and its flag named, case unchanged', () => {
  it.each(LIMITS.map((limit) => [limit.flag, limit.value, limit] as const))('%s %s', async (flag, value, limit) => {
    const caseDir = await freshCase();
    const before = snapshotTree(caseDir);
    const file = await limit.file();
    const refused = await soz(['add', caseDir, file, flag, value]);
    expect(refused.code, refused.stdout).toBe(2);
    expect(refused.stderr).toMatch(/^soz: error: [^\n]*\n$/);
    expect(refused.stderr).toMatch(limit.message);
    expect(snapshotTree(caseDir)).toEqual(before);
    // Without the flag (defaults) the same file is accepted: the limit, not the file, refused it.
    const accepted = await soz(['add', caseDir, file]);
    expect(accepted.code, accepted.stderr).toBe(0);
  });

  it('soz analyze applies its own limit flags and keeps the previous analysis when one is reached', async () => {
    const caseDir = await freshCase();
    expect((await soz(['add', caseDir, write('many.txt', paragraphs(50))])).code).toBe(0);
    expect((await soz(['analyze', caseDir])).code).toBe(0);
    const before = snapshotTree(caseDir);
    const refused = await soz(['analyze', caseDir, '--max-segments', '10']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/many\.txt.*--max-segments/);
    expect(snapshotTree(caseDir)).toEqual(before);
  });

  it('refuses a limit flag that is not a positive whole number', async () => {
    const caseDir = await freshCase();
    for (const bad of ['0', '-1', '1.5', 'lots']) {
      const result = await soz(['add', caseDir, write('a.txt', 'x'), '--max-depth', bad]);
      expect(result.code, bad).toBe(2);
      expect(result.stderr).toMatch(/positive whole number/);
    }
  });
});
