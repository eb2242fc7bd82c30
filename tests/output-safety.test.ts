import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../src/analysis/csv.js';
import { terminalSafe } from '../src/cli/io.js';
import { PAYLOAD_TEXT } from './hostile/generate.js';
import { soz, tempDir } from './support/cli.js';

// Evidence is hostile text; soz's outputs must not turn it into action: no script runs and nothing
// loads when the HTML report is opened in a browser, no CSV cell is a formula, and nothing reaches
// the terminal that moves the cursor or reverses text.

const CHROMIUM = process.env['SOZ_CHROMIUM'] ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const HTML_RENDERER = existsSync(new URL('../src/report/html.ts', import.meta.url));

/** File names that are themselves HTML attacks (no "/" possible in a name). */
const HOSTILE_NAMES = [`<img src=x onerror=document.title='PWNED'>.txt`, '<svg onload=alert(7)>.txt', '<script>alert(8)<\\script>.txt', `"><iframe srcdoc=x onload=alert(9)>.txt`];

const HTML_EVIDENCE = [
  '<!DOCTYPE html><html><head><title>t</title><script>document.title="PWNED"</script></head><body>',
  '<p>Текст с картинкой <img src="http://198.51.100.7/beacon.png" onerror="alert(1)"></p>',
  '<p><a href="javascript:alert(2)">javascript: ссылка</a> <a href="http://198.51.100.7/x">http ссылка</a></p>',
  '<p>&lt;img src="http://198.51.100.7/escaped.png" onerror="alert(3)"&gt; и &lt;script&gt;alert(4)&lt;/script&gt;</p>',
  '</body></html>',
].join('\n');

/** A case whose evidence names and texts carry script, handlers, javascript: links and remote images. */
async function hostileCase(): Promise<{ dir: string; html: string }> {
  const inputs = tempDir('soz-safety-in-');
  const files: string[] = [];
  HOSTILE_NAMES.forEach((name, i) => {
    const folder = join(inputs, `n${i}`);
    mkdirSync(folder);
    writeFileSync(join(folder, name), `${PAYLOAD_TEXT}\nфайл ${i}\n`);
    files.push(join(folder, name));
  });
  writeFileSync(join(inputs, 'page.html'), HTML_EVIDENCE);
  files.push(join(inputs, 'page.html'));
  const dir = join(tempDir('soz-safety-'), 'case');
  const run = await soz(['run', ...files, '--out', dir, '--language', 'ru']);
  expect(run.code, run.stderr).toBe(0);
  const report = await soz(['report', dir, '--format', 'html']);
  expect(report.code, report.stderr).toBe(0);
  const name = readdirSync(join(dir, 'reports')).find((file) => file.endsWith('.html'));
  expect(name, 'an HTML report was written').toBeDefined();
  return { dir, html: readFileSync(join(dir, 'reports', name!), 'utf8') };
}

describe.skipIf(!HTML_RENDERER)('HTML report with hostile evidence', () => {
  it('escapes every hostile evidence name (they are in the report, inert)', async () => {
    const { html } = await hostileCase();
    // The payload must actually reach the report, or the browser test below proves nothing.
    expect(html).toMatch(/&lt;img src(=|&#x3D;)x onerror/);
    expect(html).toMatch(/&lt;svg onload(=|&#x3D;)alert\(7\)&gt;/);
    expect(html).not.toMatch(/<img src=x|<svg onload|<script>alert\(8\)|<iframe srcdoc/i);
    expect(html).not.toMatch(/\son(error|load|click)\s*=/i);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(html).not.toMatch(/<(img|script|iframe|link)[^>]+(src|href)\s*=\s*["']?https?:/i);
  }, 120_000);

  it.skipIf(!HAVE_CHROMIUM)('runs no script and loads nothing when opened in headless Chromium', async () => {
    const { html } = await hostileCase();
    const { chromium } = await import('playwright-core');
    const profile = tempDir('soz-chromium-profile-');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      javaScriptEnabled: true,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const requests: string[] = [];
      const dialogs: string[] = [];
      const console: string[] = [];
      await page.route('**/*', (route) => {
        requests.push(route.request().url());
        return route.abort();
      });
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('console', (message) => console.push(message.text()));
      page.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
      // A canary proves scripts are enabled in this page: only the test's own script may run.
      await page.setContent(html, { waitUntil: 'load' });
      await page.waitForTimeout(300);
      const title = await page.title();
      const canary = await page.evaluate(() => 'scripts-enabled');
      expect(canary).toBe('scripts-enabled');
      expect(title).not.toBe('PWNED');
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      // Evaluated as strings: the project's TypeScript has no DOM library.
      expect(await page.evaluate("document.querySelectorAll('script, iframe, object, embed, [onerror], [onload], [onclick]').length")).toBe(0);
      // No link may carry a javascript: URL that a click would run.
      const javascriptLinks = await page.evaluate("[...document.querySelectorAll('a[href]')].filter((a) => a.getAttribute('href').trim().toLowerCase().startsWith('javascript:')).length");
      expect(javascriptLinks).toBe(0);
      expect(console.filter((line) => /PWNED|alert/i.test(line))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

/** Parses RFC 4180 CSV into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe('CSV output never starts a cell with a formula character', () => {
  it('neutralises every payload line of hostile evidence', () => {
    const lines = PAYLOAD_TEXT.split('\n');
    const cells = parseCsv(toCsv(['text'], lines.map((line) => [line])))
      .slice(1)
      .map((row) => row[0]!);
    expect(cells).toHaveLength(lines.length);
    for (const cell of cells) expect(cell).not.toMatch(FORMULA_START);
    // Neutralised, not altered: the apostrophe is the only change.
    cells.forEach((cell, i) => expect(cell.replace(/^'/, '')).toBe(lines[i]));
  });

  it('holds for any text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r', ' =', ''), fc.string({ unit: 'binary', maxLength: 40 })).map(([start, rest]) => start + rest), { minLength: 1, maxLength: 8 }), (row) => {
        const parsed = parseCsv(toCsv(row.map((_, i) => `c${i}`), [row]));
        for (const cell of parsed[1] ?? []) expect(cell).not.toMatch(FORMULA_START);
      }),
      { numRuns: 300, seed: 9 },
    );
    expect(csvCell(-5)).toBe('-5');
  });

  it('holds for every CSV file a whole run and its table export write into the case', async () => {
    const inputs = tempDir('soz-csv-in-');
    writeFileSync(join(inputs, 'formulas.txt'), PAYLOAD_TEXT);
    const dir = join(tempDir('soz-csv-'), 'case');
    expect((await soz(['run', join(inputs, 'formulas.txt'), '--out', dir])).code).toBe(0);
    expect((await soz(['export', dir, '--format', 'csv'])).code).toBe(0);
    const csvFiles: string[] = [];
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(folder, entry.name));
        else if (entry.name.endsWith('.csv')) csvFiles.push(join(folder, entry.name));
      }
    };
    walk(dir);
    expect(csvFiles.length).toBeGreaterThan(0);
    for (const file of csvFiles) {
      for (const row of parseCsv(readFileSync(file, 'utf8'))) for (const cell of row) expect(cell, file).not.toMatch(FORMULA_START);
    }
  }, 60_000);
});

describe('terminal output', () => {
  it('shows control and bidi characters of evidence names as escapes in soz add', async () => {
    const inputs = tempDir('soz-term-in-');
    const name = 'report\u202Efdp.exe\u001b[2J\u001b]0;title\u0007\u009b31m\u2066x\u2069.txt';
    writeFileSync(join(inputs, name), 'текст\n');
    const dir = join(tempDir('soz-term-'), 'case');
    expect((await soz(['init', dir, '--case-number', '1', '--ordering-body', 'x', '--examiner', 'y'])).code).toBe(0);
    const added = await soz(['add', dir, join(inputs, name)]);
    expect(added.code, added.stderr).toBe(0);
    // Every line (the file's, then the notice summary) holds nothing a terminal acts on.
    // eslint-disable-next-line no-control-regex -- the characters a terminal acts on
    for (const line of added.stdout.replace(/\n$/, '').split('\n')) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
    expect(added.stdout.split('\n').filter((line) => line !== '')).toHaveLength(2);
    expect(added.stdout).toContain('report\\u{202e}fdp.exe\\u{1b}[2J');
    expect(terminalSafe('a\u202Eb')).toBe('a\\u{202e}b');
  });

  // A newline inside an evidence name must not start a new, forged-looking output line.
  it('escapes newlines and tabs inside one printed evidence name', () => {
    expect(terminalSafe('a\nadded    forged')).not.toContain('\n');
  });
});
