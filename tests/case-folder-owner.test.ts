/**
 * Only `case/` touches the case folder (src/README.md). ESLint allows node:fs in `pipeline/` only
 * in the files of `FS_FILES` (eslint.config.js), which read files from outside the case (answer
 * files, attachments, keys, templates, the practice library); within those, no file-system call
 * may take a case path: `workspace…`, `casePath(…)`, a join onto a case folder variable, or a
 * `CaseFiles` path.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const PIPELINE = new URL('../src/pipeline/', import.meta.url).pathname;
const FS_CALL = '(?:readFileSync|writeFileSync|existsSync|readdirSync|statSync|lstatSync|mkdirSync|rmSync|copyFileSync|renameSync|chmodSync|openSync|truncateSync|createWriteStream|createReadStream|writeFileAtomic)';
/** A file-system call whose path argument is a case path. */
const CASE_PATH_IO = new RegExp(`\\b${FS_CALL}\\(\\s*(?:workspace\\b|casePath\\(|join\\(\\s*(?:dir|copy|next|workspace)\\b|[^)]*\\bCaseFiles\\.)`, 'u');

/**
 * `workspace.path(…)` in `pipeline/` only where the path is not opened there: the evidence copy
 * handed to `ingest/file-input.ts` (the one place that turns a path into bytes), and paths the
 * practice commands print.
 */
const PATHS_NOT_OPENED: Readonly<Record<string, number>> = { 'analyze.ts': 1, 'practice.ts': 3 };

function pipelineSources(): { name: string; text: string }[] {
  return readdirSync(PIPELINE)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => ({ name, text: readFileSync(join(PIPELINE, name), 'utf8') }));
}

describe('pipeline/ leaves the case folder to case/', () => {
  it('the check recognises the reads that used to live in pipeline/', () => {
    for (const line of [
      "JSON.parse(readFileSync(join(dir, name), 'utf8'))",
      'existsSync(workspace.path(CaseFiles.manifest))',
      'writeFileSync(join(copy, CaseFiles.log), rechain(entries))',
      "writeFileAtomic(join(next, 'manifest.json'), manifestText)",
      'chmodSync(casePath(dest, path), 0o444)',
    ]) expect(CASE_PATH_IO.test(line), line).toBe(true);
    expect(CASE_PATH_IO.test("readFileSync(templatePaths(language).md, 'utf8')")).toBe(false);
  });

  it('no file-system call in pipeline/ takes a case path', () => {
    const found = pipelineSources().flatMap(({ name, text }) => text.split('\n').flatMap((line, index) => (CASE_PATH_IO.test(line) ? [`${name}:${index + 1}: ${line.trim()}`] : [])));
    expect(found).toEqual([]);
  });

  it('pipeline/ never imports casePath, and names case paths with workspace.path only where it opens none', () => {
    const sources = pipelineSources();
    expect(sources.filter(({ text }) => /import \{[^}]*\bcasePath\b[^}]*\} from '\.\.\/case\/layout\.js'/u.test(text)).map(({ name }) => name)).toEqual([]);
    const uses = Object.fromEntries(sources.map(({ name, text }) => [name, text.match(/workspace\.path\(/gu)?.length ?? 0]).filter(([, count]) => count !== 0));
    expect(uses).toEqual(PATHS_NOT_OPENED);
  });
});
