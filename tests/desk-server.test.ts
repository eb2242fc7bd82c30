import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseWorkspace } from '../src/case/workspace.js';
import { liveLockHolder } from '../src/case/lock.js';
import type { ReviewDecision } from '../src/core/examiner.js';
import { untouchedDemo } from './support/demo-case.js';
import type { Desk } from '../src/desk/server.js';
import { startDesk } from '../src/desk/server.js';
import type { Candidate, KnownMaterial } from '../src/desk/wire.js';
import { soz, tempDir } from './support/cli.js';
import { comparedPracticeCase } from './support/known-case.js';

// The desk's door and its writes, with plain HTTP requests (no browser): the token, Host and
// Origin rules and the headers on every answer; the case lock (409 while another command holds
// it); decisions from several requests and a CLI command at once, none lost; the command itself.

const BIN = fileURLToPath(new URL('../bin/soz', import.meta.url));
const clock = () => new Date('2026-03-12T10:00:00Z');
let dir: string;
let desk: Desk;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One HTTP request to the desk with exactly the headers given (Host included). */
function send(method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = request({ host: '127.0.0.1', port: desk.port, method, path, headers: { Host: `127.0.0.1:${desk.port}`, ...(text !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    outgoing.on('error', reject);
    outgoing.end(text);
  });
}

const withToken = (headers: Record<string, string> = {}) => ({ 'X-Soz-Token': desk.token, ...headers });

function reviewOf(caseDir: string): ReviewDecision[] {
  return JSON.parse(readFileSync(join(caseDir, 'examiner', 'review.json'), 'utf8')) as ReviewDecision[];
}

function logActions(caseDir: string): string[] {
  return CaseWorkspace.open(caseDir)
    .readLog()
    .map((entry) => entry.action);
}

beforeAll(async () => {
  // The demo case as `soz demo` makes it, built once per run (tests/support/demo-case.ts).
  dir = await untouchedDemo();
  desk = await startDesk({ caseDir: dir, port: 0, language: 'en', clock, actor: 'Trainee', lockWaitMs: 300 });
}, 120_000);

afterAll(async () => {
  await desk?.close();
});

describe('the desk refuses what is not its own page', () => {
  it('listens on 127.0.0.1 and prints an address with a long random token', () => {
    expect(desk.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${desk.port}/\\?token=[A-Za-z0-9_-]{43}$`));
  });

  it('answers 403 without the token or with a wrong one, with the security headers on the refusal too', async () => {
    const attempts: Record<string, string>[] = [{}, { 'X-Soz-Token': 'guess' }, { Cookie: 'soz_desk=guess' }];
    for (const headers of attempts) {
      const answer = await send('GET', '/api/case', headers);
      expect(answer.status).toBe(403);
      expect(answer.body).not.toContain('PR-2026');
      expect(answer.headers['content-security-policy']).toBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await send('GET', '/', {})).status).toBe(403);
  });

  it('moves the token from the address into an HttpOnly SameSite=Strict cookie that then admits the page', async () => {
    const first = await send('GET', `/?token=${desk.token}`, {});
    expect(first.status).toBe(303);
    expect(first.headers['location']).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await send('GET', '/', { Cookie: cookie.split(';')[0]! });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    expect((await send('GET', '/app.js', { Cookie: cookie.split(';')[0]! })).status).toBe(200);
  });

  it('refuses another Host (DNS rebinding) even with the token; localhost on its port is the desk', async () => {
    for (const host of ['evil.example', `evil.example:${desk.port}`, `127.0.0.1:${desk.port + 1}`, '127.0.0.1']) {
      const answer = await send('GET', '/api/case', withToken({ Host: host }));
      expect(answer.status, host).toBe(421);
    }
    expect((await send('GET', '/api/case', withToken({ Host: `localhost:${desk.port}` }))).status).toBe(200);
  });

  it('refuses a cross-origin POST even with the cookie, and a form post that is not JSON; the case is unchanged', async () => {
    const log = readFileSync(join(dir, 'log.jsonl'), 'utf8');
    const [first] = JSON.parse((await send('GET', '/api/candidates', withToken())).body) as { finding: { id: string } }[];
    const decision = { findingIds: [first!.finding.id], decision: 'rejected', reason: 'forged' };
    expect((await send('POST', '/api/decide', { Cookie: `soz_desk=${desk.token}`, Origin: 'http://evil.example' }, decision)).status).toBe(403);
    expect((await send('POST', '/api/decide', { Cookie: `soz_desk=${desk.token}`, Origin: 'null' }, decision)).status).toBe(403);
    const form = await send('POST', '/api/decide', withToken({ 'Content-Type': 'text/plain' }), decision);
    expect(form.status).toBe(415);
    expect(readFileSync(join(dir, 'log.jsonl'), 'utf8')).toBe(log);
  });

  it('serves no file but its own: no path out of its folders', async () => {
    for (const path of ['/../case.json', '/%2e%2e/case.json', '/log.jsonl', '/cli/main.js', '/../../package.json']) {
      expect((await send('GET', path, withToken())).status, path).toBe(404);
    }
  });
});

describe('the desk writes through the case lock', () => {
  it('loses no decision when several tabs and a CLI review write at once: 409 while the CLI holds the case, then the retries land; one log entry each', async () => {
    const candidates = (JSON.parse((await send('GET', '/api/candidates', withToken())).body) as { finding: { id: string } }[]).map((candidate) => candidate.finding.id);
    expect(candidates.length).toBeGreaterThanOrEqual(8);
    const before = logActions(dir).filter((action) => action === 'review.decide').length;
    const fromTabs = candidates.slice(2, 7);
    const fromCli = candidates[7]!;
    // The CLI review stops with the case lock held until the test lets it go (SOZ_HOLD_AT, src/case/crash-points.ts).
    const release = join(tempDir('soz-desk-hold-'), 'release');
    const child = spawn(process.execPath, [BIN, 'review', dir, '--accept', fromCli, '--reason', 'from the terminal'], { stdio: 'ignore', env: { ...process.env, SOZ_HOLD_AT: `review.decide/staged=${release}` } });
    const cli = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    while (liveLockHolder(dir)?.command !== 'review') await new Promise((resolve) => setTimeout(resolve, 20));
    const decisions = fromTabs.map((id, i) => ({ findingIds: [id], decision: i % 2 === 0 ? 'accepted' : 'rejected', reason: `tab ${i}` }));
    const busy = await Promise.all(decisions.map((decision) => send('POST', '/api/decide', withToken(), decision)));
    expect(busy.map((answer) => answer.status)).toEqual(fromTabs.map(() => 409));
    expect(busy[0]!.body).toMatch(/in use by soz review/);
    writeFileSync(release, '');
    expect(await cli).toBe(0);
    // What the page does on 409: send the same decision again.
    const retried = await Promise.all(decisions.map((decision) => send('POST', '/api/decide', withToken(), decision)));
    expect(retried.map((answer) => answer.status)).toEqual(fromTabs.map(() => 200));
    const decided = new Map(reviewOf(dir).map((decision) => [decision.findingId, decision.reason]));
    fromTabs.forEach((id, i) => expect(decided.get(id)).toBe(`tab ${i}`));
    expect(decided.get(fromCli)).toBe('from the terminal');
    expect(logActions(dir).filter((action) => action === 'review.decide').length).toBe(before + fromTabs.length + 1);
  }, 60_000);

  it('undoes the last decision as a new logged review.undo that restores the earlier status; the case verifies', async () => {
    const [, , , , , , , , ninth] = JSON.parse((await send('GET', '/api/candidates', withToken())).body) as { finding: { id: string }; status: string }[];
    expect(ninth!.status).toBe('open');
    const entries = logActions(dir).length;
    await send('POST', '/api/decide', withToken(), { findingIds: [ninth!.finding.id], decision: 'rejected', reason: 'by mistake' });
    const undo = await send('POST', '/api/undo', withToken(), {});
    expect(undo.status).toBe(200);
    expect(JSON.parse(undo.body)).toEqual({ restored: [{ findingId: ninth!.finding.id, status: 'open' }] });
    expect(reviewOf(dir).some((decision) => decision.findingId === ninth!.finding.id)).toBe(false);
    expect(logActions(dir).slice(entries)).toEqual(['review.decide', 'review.undo']);
    const verify = await soz(['verify', dir]);
    // The demo's report predates these decisions: stale (4) but nothing differs.
    expect(verify.stdout).toMatch(/0 differences/);
    expect([0, 4]).toContain(verify.code);
  }, 60_000);
});

describe('the desk decides by rule and adds the examiner\'s findings', () => {
  it('decides every candidate of one lexicon entry in one document with one reason, in one log entry listing each', async () => {
    const candidates = JSON.parse((await send('GET', '/api/candidates', withToken())).body) as { finding: { id: string; ruleId: string; analysis: string; place: { documentId: string } } }[];
    const groups = new Map<string, string[]>();
    for (const { finding } of candidates) groups.set(`${finding.analysis} ${finding.ruleId} ${finding.place.documentId}`, [...(groups.get(`${finding.analysis} ${finding.ruleId} ${finding.place.documentId}`) ?? []), finding.id]);
    const group = [...groups.values()].sort((a, b) => b.length - a.length)[0]!;
    const answer = await send('POST', '/api/rule', withToken(), { findingId: group[0], decision: 'rejected', reason: 'ordinary usage throughout this chat' });
    expect(answer.status).toBe(200);
    expect((JSON.parse(answer.body) as { findingIds: string[] }).findingIds.sort()).toEqual([...group].sort());
    const entry = CaseWorkspace.open(dir).readLog().at(-1)!;
    expect(entry.action).toBe('review.decide');
    expect((entry.details['decisions'] as { findingIds: string[] }[])[0]!.findingIds.sort()).toEqual([...group].sort());
    for (const id of group) expect(reviewOf(dir).find((decision) => decision.findingId === id)?.reason).toBe('ordinary usage throughout this chat');
  });

  it('adds a finding from a selection (document id and offsets), accepted with the reason; a bad range is a 400 that changes nothing', async () => {
    const [doc] = JSON.parse((await send('GET', '/api/documents', withToken())).body) as { id: string }[];
    const text = (JSON.parse((await send('GET', `/api/document?id=${doc!.id}`, withToken())).body) as { text: string }).text;
    const start = text.indexOf('старой мельнице');
    expect(start).toBeGreaterThan(-1);
    const log = readFileSync(join(dir, 'log.jsonl'), 'utf8');
    const bad = await send('POST', '/api/add', withToken(), { documentId: doc!.id, start: text.length + 5, end: text.length + 9, category: 'call-to-action', reason: 'x' });
    expect(bad.status).toBe(400);
    expect(readFileSync(join(dir, 'log.jsonl'), 'utf8')).toBe(log);
    const added = await send('POST', '/api/add', withToken(), { documentId: doc!.id, start, end: start + 'старой мельнице'.length, category: 'call-to-action', reason: 'место сбора названо' });
    expect(added.status, added.body).toBe(200);
    const { findingId } = JSON.parse(added.body) as { findingId: string };
    const candidates = JSON.parse((await send('GET', '/api/candidates', withToken())).body) as { finding: { id: string; actual: string }; status: string }[];
    expect(candidates.find((candidate) => candidate.finding.id === findingId)).toMatchObject({ status: 'accepted', finding: { actual: 'старой мельнице' } });
    expect(CaseWorkspace.open(dir).readLog().slice(-2).map((entry) => entry.action)).toEqual(['finding.add', 'review.decide']);
  });
});

describe('the desk shows known material (soz compare)', () => {
  it('says a case was never compared', async () => {
    const answer = await send('GET', '/api/known', withToken());
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ compared: false });
  });

  it('lays out a compared case: per evidence item the library item, shares, the decision, and both passages with the differing words apart', async () => {
    const { caseDir } = await comparedPracticeCase(tempDir('soz-desk-known-'));
    const known = await startDesk({ caseDir, port: 0, language: 'ru', clock, actor: 'Стажёр', token: 'known-token' });
    try {
      const get = async <T>(path: string): Promise<T> => (await fetch(`http://127.0.0.1:${known.port}${path}`, { headers: { 'X-Soz-Token': known.token } })).json() as Promise<T>;
      const view = await get<KnownMaterial>('/api/known');
      if (!view.compared) throw new Error('the compared case shows as never compared');
      expect(view.evidence.map((row) => row.title.split(' (')[0])).toEqual(expect.arrayContaining(['listovka.txt', 'post-forum.txt']));
      const items = view.evidence.flatMap((row) => row.items);
      for (const item of items) {
        expect(item.decision).toContain('Сосновоборский районный суд (вымышленный), 2025-11-14, № 2-417/2025');
        expect(item.shares).toMatch(/\d+\.\d %/);
      }
      const passages = items.flatMap((item) => item.passages);
      expect(passages).toHaveLength(2);
      const leaflet = passages.find((passage) => passage.evidenceText.some((part) => part.differs && part.text === '⟦воскресенье⟧'))!;
      expect(leaflet.libraryText).toContainEqual({ text: '⟦субботу⟧', differs: true });
      expect(leaflet.evidencePlace).toMatch(/\[\d+, \d+\)/);
      expect(leaflet.libraryPlace).toMatch(/\[\d+, \d+\)/);
      // Every passage is the passage of a known-material candidate the list shows.
      const candidates = await get<Candidate[]>('/api/candidates');
      const knownIds = candidates.filter((candidate) => candidate.finding.category === 'known-material').map((candidate) => candidate.finding.id);
      expect(passages.map((passage) => passage.findingId).sort()).toEqual([...knownIds].sort());
    } finally {
      await known.close();
    }
  }, 120_000);
});

describe('soz desk (the command)', () => {
  it('prints the address, serves the case, and stops cleanly on Ctrl-C (SIGINT) with exit 0', async () => {
    const child = spawn(process.execPath, [BIN, 'desk', dir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const match = /desk: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', () => reject(new Error(`soz desk ended early: ${out}`)));
    });
    const token = new URL(url).searchParams.get('token')!;
    const answer = await fetch(new URL('/api/case', url), { headers: { 'X-Soz-Token': token } });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { caseNumber: string }).caseNumber).toBe('PR-2026-001');
    const exit = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    child.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(out).toMatch(/desk stopped/);
  }, 60_000);

  it('refuses a folder that is not a case with exit 2', async () => {
    const result = await soz(['desk', tempDir('soz-desk-none-'), '--no-open']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/not a soz case|case\.json/);
  });
});
