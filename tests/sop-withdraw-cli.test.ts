/**
 * `soz sop withdraw CASE STEP --reason "…"` (issue 18): the CLI face of `withdrawStep`. A step's
 * record is withdrawn with a logged reason and the step is open again; refused (exit 2, the case
 * unchanged) while a recorded step depends on it, or when the step has no record. The case is a
 * fictional one-line note written here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliResult } from './support/cli.js';
import { soz, tempDir } from './support/cli.js';

let dir = '';

async function ok(argv: readonly string[]): Promise<CliResult> {
  const result = await soz(argv);
  expect(result.code, `${argv.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
}

const logActions = (): string[] => readFileSync(join(dir, 'log.jsonl'), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { action: string }).action);

beforeAll(async () => {
  const root = tempDir('soz-withdraw-');
  dir = join(root, 'case');
  const note = join(root, 'note.txt');
  writeFileSync(note, 'Вымышленная записка для проверки.\n');
  await ok(['init', dir, '--case-number', '1', '--ordering-body', 'Вымышленный суд', '--examiner', 'Эксперт А.', '--language', 'ru']);
  await ok(['add', dir, note]);
  await ok(['question', 'add', dir, 'Содержит ли текст призывы?']);
  await ok(['sop', 'record', dir, 'register-order', '--note', 'постановление получено']);
  await ok(['question', 'decide', dir, 'Q1', '--answered']);
  await ok(['sop', 'record', dir, 'competence', '--note', 'вопрос в компетенции эксперта']);
});

describe('soz sop withdraw', () => {
  it('refuses a step a recorded step depends on, in the examiner\'s language, and changes nothing', async () => {
    const before = readFileSync(join(dir, 'log.jsonl'), 'utf8');
    const refused = await soz(['--lang', 'ru', 'sop', 'withdraw', dir, 'register-order', '--reason', 'ошибка']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(`soz: ошибка: ${dir}: от шага register-order зависят записанные шаги competence; сначала отзовите их\n`);
    expect(readFileSync(join(dir, 'log.jsonl'), 'utf8')).toBe(before);
  });

  it('withdraws the dependent step first (--json), then the step itself; each is logged and open again', async () => {
    const json = await ok(['sop', 'withdraw', dir, 'competence', '--reason', 'записано до решения по вопросу', '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ stepId: 'competence', withdrawn: 'done', reason: 'записано до решения по вопросу' });
    const kyrgyz = await ok(['--lang', 'ky', 'sop', 'withdraw', dir, 'register-order', '--reason', 'башка ишке жазылып калган']);
    expect(kyrgyz.stdout).toBe('register-order кадамы: жазуу (аткарылды) кайтарылып алынды; кадам кайра ачык\n');
    expect(logActions().filter((action) => action === 'sop.withdraw')).toHaveLength(2);
    const status = JSON.parse((await ok(['sop', 'status', dir, '--json'])).stdout) as { steps: { id: string; state: string }[] };
    expect(status.steps.filter((step) => ['register-order', 'competence'].includes(step.id)).map((step) => step.state)).toEqual(['open', 'blocked']);
  });

  it('refuses a step without a record, and an empty reason', async () => {
    const none = await soz(['--lang', 'ky', 'sop', 'withdraw', dir, 'register-order', '--reason', 'ката']);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(`soz: ката: ${dir}: register-order кадамынын кайтарып алына турган жазуусу жок\n`);
    await ok(['sop', 'record', dir, 'register-order', '--note', 'постановление получено']);
    const empty = await soz(['sop', 'withdraw', dir, 'register-order', '--reason', ' ']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('say why the record of step register-order is withdrawn');
  });
});
