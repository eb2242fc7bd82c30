import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_CORPORA } from './support/adapter-invariants.js';
import { tempDir } from './support/cli.js';
import { scannedPdf } from './support/pdf-fixtures.js';

// soz is fully offline. The whole pipeline runs in child processes whose every network entry
// point (sockets, TLS, DNS, http/https/http2, UDP, fetch, WebSocket) records the attempt and
// throws; the record must stay empty. A control run proves the trap catches attempts.

const ROOT = new URL('../', import.meta.url).pathname;
const BIN = process.env['SOZ_BIN'] ?? join(ROOT, 'bin', 'soz');
const BUILT = process.env['SOZ_BIN'] !== undefined || existsSync(join(ROOT, 'dist', 'cli', 'bin.js'));
const PRELOAD = new URL('./no-network-preload.cjs', import.meta.url).pathname;
const HAVE_CORPORA = existsSync(join(REAL_CORPORA, 'SOURCES.md'));

function offline(args: readonly string[], log: string): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, NODE_OPTIONS: `--require ${PRELOAD}`, SOZ_NET_LOG: log, http_proxy: 'http://198.51.100.7:3128', https_proxy: 'http://198.51.100.7:3128' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  return { code: result.status, stderr: result.stderr };
}

const attempts = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter((line) => line !== '') : []);

describe.skipIf(!BUILT)('no network at run time', () => {
  it('the trap records and blocks an attempt (control)', () => {
    const log = join(tempDir('soz-net-'), 'attempts.log');
    const script = "try { fetch('http://198.51.100.7/'); } catch {} try { require('node:dns').lookup('example.org', () => {}); } catch {} try { require('node:net').connect(80, '198.51.100.7'); } catch {}";
    spawnSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_OPTIONS: `--require ${PRELOAD}`, SOZ_NET_LOG: log }, encoding: 'utf8' });
    const seen = attempts(log).join('\n');
    expect(seen).toContain('fetch');
    expect(seen).toContain('dns.lookup');
    expect(seen).toContain('net.connect');
  });

  it.skipIf(!HAVE_CORPORA)('soz run, add, analyze and report (md, html, pdf, docx) on real PDFs, DOCX, chats, hostile HTML and a scanned page try nothing', async () => {
    const log = join(tempDir('soz-net-'), 'attempts.log');
    const inputs = tempDir('soz-net-in-');
    // Evidence that invites fetching: remote images, stylesheets, external DOCX relationships are in the hostile corpus; here HTML.
    writeFileSync(join(inputs, 'remote.html'), '<!DOCTYPE html><html><head><link rel="stylesheet" href="http://198.51.100.7/a.css"></head><body><img src="https://198.51.100.7/b.png"><p>Текст со ссылками http://198.51.100.7/ и www.example.org</p></body></html>');
    const real = [
      'pdf/ru_googledocs_skia_2p.pdf',
      'docx/ru_referat_college.docx',
      'telegram/mlomb_fixture_personal_chat.result.json',
      'telegram/etu_bot_chat_ru.messages.html',
      'whatsapp/en_ios_12h_attached_lrm.chat.txt',
      'facebook/chatminer_fixture_messenger.json',
      'vk/vk_support_chat_p0.cp1251.html',
    ].map((relative) => join(REAL_CORPORA, relative));
    const dir = join(tempDir('soz-net-case-'), 'case');
    const run = offline(['run', ...real, join(inputs, 'remote.html'), '--out', dir], log);
    expect(run.code, run.stderr).toBe(0);
    // The scan is added after the run, so that its page is read by OCR once, in analyze (soz run
    // would read it too, and analyze again). It is a generated page of one small fictional
    // picture: the offline proof needs the path through pdftoppm and Tesseract, not a full page
    // (the real A4 scan cost ~30 s of CPU here).
    const scan = join(inputs, 'scan.pdf');
    writeFileSync(scan, await scannedPdf());
    const add = offline(['add', dir, scan], log);
    expect(add.code, add.stderr).toBe(0);
    const analyze = offline(['analyze', dir], log);
    expect(analyze.code, analyze.stderr).toBe(0);
    const report = offline(['report', dir, '--format', 'md,html,pdf,docx'], log);
    expect(report.code, report.stderr).toBe(0);
    expect(readdirSync(join(dir, 'reports')).length).toBeGreaterThanOrEqual(2);
    expect(attempts(log)).toEqual([]);
  }, 900_000); // four spawned soz runs, each bounded at 300 s; OCR of the scan beside a second vitest fork
});
