import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REAL_CORPORA } from '../support/adapter-invariants.js';
import { soz, tempDir } from '../support/cli.js';

// Chat files that used to be misfiled: through the real command line, the iOS WhatsApp export
// (which opens like a JSON array) is kept as text.

const INIT = ['--case-number', 'H-9', '--ordering-body', 'test', '--examiner', 'tester'];

describe('chat input through soz add', () => {
  it('an iOS WhatsApp export opening with "[date, time]" is taken as text: its copy is .txt', async () => {
    const dir = join(tempDir('soz-chat-input-'), 'case');
    expect((await soz(['init', dir, ...INIT])).code).toBe(0);
    const added = await soz(['add', dir, join(REAL_CORPORA, 'whatsapp', 'en_ios_12h_attached_lrm.chat.txt')]);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/\(text\/plain, 1 document\(s\)\)/);
    expect(readdirSync(join(dir, 'evidence')).filter((name) => !name.startsWith('.'))).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.txt$/)]);
  });
});
