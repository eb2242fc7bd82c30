import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PROGRESS_STAGES, tallyNotices } from '../src/core/progress.js';
import type { CliIo } from '../src/cli/io.js';
import { noticeLine, progressDisplay } from '../src/cli/progress.js';
import { translatorFor } from '../src/cli/i18n.js';
import { readCliCatalogue } from '../src/pipeline/cli-catalogue.js';
import { soz, tempDir } from './support/cli.js';

const english = translatorFor(readCliCatalogue('en'));

function terminalIo(env: Record<string, string> = {}, stderrIsTerminal = true): { io: CliIo; err: () => string } {
  let err = '';
  const io: CliIo = { stdout: () => undefined, stderr: (text) => (err += text), env, cwd: '/', now: () => new Date(0), stderrIsTerminal };
  return { io, err: () => err };
}

describe('progress on the terminal', () => {
  it('shows counts and time left, at most every 250 ms, and clears the line at the end', () => {
    const { io, err } = terminalIo();
    let now = 0;
    const display = progressDisplay(io, 'analyze', false, english.t, () => now);
    display.listener?.({ stage: 'evidence analysed', done: 0, total: 4 });
    now = 100;
    display.listener?.({ stage: 'evidence analysed', done: 1, total: 4 });
    now = 2000;
    display.listener?.({ stage: 'evidence analysed', done: 1, total: 4 });
    display.end();
    const writes = err().split('\r\u001b[K').filter((part) => part !== '');
    expect(writes).toEqual(['analyze: evidence analysed 0/4', 'analyze: evidence analysed 1/4 · about 6 s left']);
    expect(err().endsWith('\r\u001b[K')).toBe(true);
  });

  it('names every stage of every command in the examiner\'s language', () => {
    for (const language of ['ru', 'ky'] as const) {
      const translator = translatorFor(readCliCatalogue(language));
      for (const stage of PROGRESS_STAGES) {
        const { io, err } = terminalIo();
        progressDisplay(io, 'verify', false, translator.t, () => 0).listener?.({ stage, done: 0, total: 2 });
        const line = err();
        expect(line.startsWith('\r\u001b[Kverify: '), `${language}: ${stage}`).toBe(true);
        expect(line.slice('\r\u001b[Kverify: '.length), `${language}: ${stage}`).toMatch(/^[^A-Za-z]+ 0\/2$/u);
      }
    }
  });

  it('shows nothing when stderr is piped, in CI or with --quiet', () => {
    for (const [io, quiet] of [[terminalIo({}, false), false], [terminalIo({ CI: 'true' }), false], [terminalIo(), true]] as const) {
      const display = progressDisplay(io.io, 'analyze', quiet, english.t, () => 0);
      expect(display.listener).toBeUndefined();
      display.end();
      expect(io.err()).toBe('');
    }
  });
});

describe('notice summary', () => {
  it('counts notices by code in code order and marks warnings', () => {
    const tallies = tallyNotices([
      { notices: [{ code: 'pdf.needs-ocr', message: 'm', severity: 'warning' }, { code: 'a.info', message: 'm', severity: 'info' }] },
      { notices: [{ code: 'pdf.needs-ocr', message: 'm', severity: 'info' }] },
    ]);
    expect(tallies).toEqual([
      { code: 'a.info', count: 1, warning: false },
      { code: 'pdf.needs-ocr', count: 2, warning: true },
    ]);
    expect(noticeLine(tallies, english.t)).toBe('notices: a.info ×1, pdf.needs-ocr ×2 (warning)');
    expect(noticeLine([], english.t)).toBe('notices: none');
  });

  it('ends soz analyze with the notice line and writes no progress when stderr is no terminal', async () => {
    const dir = join(tempDir(), 'case');
    const chat = new URL('./fixtures/chats/whatsapp_nbsp_ambiguous.txt', import.meta.url).pathname;
    expect((await soz(['init', dir, '--case-number', '1', '--ordering-body', 'b', '--examiner', 'e'])).code).toBe(0);
    expect((await soz(['add', dir, chat])).code).toBe(0);
    const result = await soz(['analyze', dir]);
    expect(result.code, result.stderr).toBe(0);
    // The undecided day/month order is a warning of the WhatsApp adapter; it is named, not only kept in JSON.
    expect(result.stdout.trim().split('\n').pop()).toBe('notices: whatsapp.date-order-ambiguous ×1 (warning)');
    expect(result.stderr).toBe('');
  });
});
