/**
 * Start-up without loading every command (issue 17): a run imports only the command module its
 * command needs; help, `data validate` and an unknown command still see every command.
 */
import { describe, expect, it } from 'vitest';
import { allCommandModules, commandModulesFor } from '../src/cli/main.js';
import { soz } from './support/cli.js';

describe('command modules loaded on demand', () => {
  it('loads none for --version and the built-in commands, one for a module command, all for help', async () => {
    const all = (await allCommandModules()).length;
    expect(all).toBeGreaterThan(10);
    expect(await commandModulesFor(['--version'])).toHaveLength(0);
    expect(await commandModulesFor(['add', 'CASE', 'verify'])).toHaveLength(0);
    expect(await commandModulesFor(['--lang', 'ky', 'verify', 'CASE'])).toHaveLength(1);
    expect(await commandModulesFor(['case', 'show', 'CASE'])).toHaveLength(1);
    for (const argv of [[], ['--help'], ['help'], ['data', 'validate'], ['verfy', 'CASE']]) expect(await commandModulesFor(argv), argv.join(' ')).toHaveLength(all);
  });

  it('still gives a command its help and the program its list of commands', async () => {
    const verifyHelp = await soz(['verify', '--help']);
    expect(verifyHelp.code).toBe(0);
    expect(verifyHelp.stdout).toContain('--expect-head');
    const help = await soz(['--help']);
    expect(help.stdout).toMatch(/verify/);
    expect(help.stdout).toMatch(/library/);
    const unknown = await soz(['verfy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('verify');
  });
});
