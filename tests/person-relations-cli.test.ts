/**
 * Persons of interest through the real CLI on the fictional practice case ru-grey-stone (a
 * Telegram group and a leaflet): the "like" trap is passed by recording the subject, whose 👍 on
 * another member's message the export shows; the per-person table of the conclusion; a relation
 * set by hand; an examiner-added finding by message id and quoted words; and verify afterwards.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GradeResult } from '../src/practice/grade.js';
import { soz, tempDir } from './support/cli.js';

let dir: string;

async function ok(argv: string[]): Promise<string> {
  const result = await soz(argv);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

async function refused(argv: string[]): Promise<string> {
  const result = await soz(argv);
  expect(result.code).toBe(2);
  return result.stderr;
}

async function trap(id: string): Promise<GradeResult['items'][number]> {
  await ok(['practice', 'grade', dir]);
  const grade = JSON.parse(readFileSync(join(dir, 'practice', 'grade.json'), 'utf8')) as GradeResult;
  return grade.items.find((item) => item.ref === id)!;
}

beforeAll(async () => {
  dir = join(tempDir('soz-persons-'), 'case');
  await ok(['practice', 'start', 'ru-grey-stone', dir]);
});

describe('persons of interest through the CLI', () => {
  it('passes the "like" trap once the subject is recorded: the export shows he only reacted', async () => {
    expect((await trap('T2')).status).not.toBe('relation-recorded');
    await ok(['sop', 'record', dir, 'register-order', '--note', 'Order PR-2026-001 (fictional)']);
    await ok(['sop', 'record', dir, 'acknowledgement', '--note', 'Signed (fictional)', '--field', 'institution=Centre (fictional)', '--field', 'qualification=linguist', '--field', 'experience=3 years', '--field', 'place=Serokamensk']);
    await ok(['sop', 'record', dir, 'packaging', '--skip', '--reason', 'received-electronically', '--note', 'Files received by the secure portal (fictional)']);
    await ok(['sop', 'record', dir, 'language', '--note', 'Russian', '--field', 'translator=-']);
    expect(await refused(['sop', 'record', dir, 'context', '--note', 'Roles told apart'])).toMatch(/no relation recorded for listovka\.pdf, result\.json; .* or record the persons of interest with soz person add/);
    expect(await refused(['person', 'add', dir, '--name', 'Тимур Д.', '--note', 'x'])).toMatch(/give at least one --handle/);
    expect(await ok(['person', 'add', dir, '--name', 'Тимур Д.', '--handle', 'user5001', '--note', 'The order names the account user5001 (fictional)'])).toMatch(/^P1 Тимур Д\.: user5001/u);
    expect(await refused(['person', 'add', dir, '--name', 'Someone', '--handle', '@USER5001', '--note', 'x'])).toMatch(/handle\(s\) @USER5001 already belong to another person/);
    const listed = await ok(['person', 'list', dir]);
    expect(listed).toMatch(/reacted: result\.json #105 — reaction 👍 by Тимур Д\. \(user5001\) on message 105/u);
    expect(listed).toMatch(/forwarder: result\.json #104 — forwarded by Тимур Д\. \(user5001\) from Голос Серого Камня/u);
    expect(listed).toMatch(/author: result\.json #103/u);
    expect(listed).toMatch(/holder: listovka\.pdf — pdf file with no author or sender in the data/u);
    await ok(['sop', 'record', dir, 'context', '--note', 'Own, forwarded and reacted-to messages told apart; the leaflet only held']);
    const graded = await trap('T2');
    expect(graded).toMatchObject({ status: 'relation-recorded', ok: true });
    expect(graded.message).toMatch(/P1 recorded as reacted of message 105 \(from the export\)/);
  });

  it('sets a relation by hand, logged, refusing unknown persons, documents and messages', async () => {
    expect(await refused(['relation', 'set', dir, '--person', 'P9', '--doc', 'listovka.pdf', '--relation', 'author', '--reason', 'x'])).toMatch(/no person P9/);
    expect(await refused(['relation', 'set', dir, '--person', 'P1', '--doc', 'result.json#999', '--relation', 'author', '--reason', 'x'])).toMatch(/has no message 999/);
    expect(await refused(['relation', 'set', dir, '--person', 'P1', '--doc', 'nothing.pdf', '--relation', 'liked', '--reason', ' '])).toMatch(/--relation liked: use one of author, forwarder, reacted, recipient, holder, none; --reason "…" is required: say what the relation rests on; no document "nothing\.pdf"/);
    await ok(['relation', 'set', dir, '--person', 'P1', '--doc', 'listovka.pdf', '--relation', 'none', '--reason', 'The leaflet was found in the club house, not on him (fictional)']);
    const listed = await ok(['person', 'list', dir]);
    expect(listed).not.toMatch(/listovka/);
    const log = readFileSync(join(dir, 'log.jsonl'), 'utf8');
    expect(log).toMatch(/"action":"person\.add"/);
    expect(log).toMatch(/"action":"relation\.set"/);
  });

  it('adds a finding by message id and quoted words, refusing words that are not there', async () => {
    expect(await refused(['review', dir, '--add', 'result.json#103', '--quote', 'надо побить', '--category', 'call', '--reason', 'x'])).toMatch(/the quoted words do not occur in message 103 of result\.json/);
    const added = await ok(['review', dir, '--add', 'result.json#108', '--quote', 'поставить   забор', '--category', 'joint-action', '--reason', 'Invitation to a joint action (fictional)', '--voice', 'own']);
    expect(added).toMatch(/added and accepted F[0-9a-f]{12} \(examiner\)/);
    expect(added).toMatch(/\[поставить забор\]/);
  });

  it('puts the per-person table in the conclusion: the reacted-to message is not his words', async () => {
    const list = await ok(['review', dir, '--list']);
    const onReacted = [...list.matchAll(/^(F[0-9a-f]{12}) .*message 105,/gmu)].map((match) => match[1]!);
    expect(onReacted.length).toBeGreaterThan(0);
    await ok(['review', dir, '--accept', ...onReacted, '--reason', 'Words of Марат Е.; the subject only reacted (fictional)', '--question', 'Q1']);
    await ok(['review', dir, '--voice', 'reaction', '--finding', ...onReacted, '--reason', 'The subject put 👍 on another member\'s message']);
    await ok(['report', dir, '--format', 'md,html']);
    const md = readFileSync(join(dir, 'reports', 'report.ru.md'), 'utf8');
    expect(md).toMatch(/### Лица, представляющие интерес/u);
    expect(md).toMatch(/\*\*P1 Тимур Д\.\*\* — учётные записи в материалах: user5001/u);
    const reacted = md.split('\n').find((line) => line.startsWith('| реакция (отметка, эмодзи) |'))!;
    expect(reacted).toMatch(/\| 1 \| result\.json \\#105 — реакция 👍 от Тимур Д\. \(user5001\) на сообщение 105/u);
    for (const id of onReacted) expect(reacted).toContain(id);
    expect(reacted).toMatch(/\*\*не высказывания этого лица\*\*/u);
    const authored = md.split('\n').find((line) => line.startsWith('| автор |'))!;
    expect(authored).toMatch(/result\.json \\#108/u);
    expect(authored).not.toMatch(/не высказывания/u);
    expect(readFileSync(join(dir, 'reports', 'report.ru.html'), 'utf8')).toMatch(/<strong>не высказывания этого лица<\/strong>/u);
    const verified = await soz(['verify', dir]);
    expect(verified.stdout).toMatch(/verify: \d+ checks, 0 differences/);
    expect(verified.code).toBe(0);
  });
});
