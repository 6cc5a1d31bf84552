import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { ROOT } from '../support/ship/run-package';

// The layer bans are only worth something if the project's real lint config applies them, so each case
// lints a probe file that exists only in memory (lintText with a path) against eslint.config.js. The one
// change: no type information for the probes, since the TypeScript project service only knows files on disk.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    files: ['**/probe.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

async function errorsOf(rule: string, filePath: string, specifier: string): Promise<string[]> {
  const code = `import type * as probe from '${specifier}';\n\nexport type Probe = typeof probe;\n`;
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // A probe that does not even parse would pass every "no error" case below.
  expect(messages.filter((m) => m.fatal === true)).toEqual([]);
  return messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}
const importErrors = (filePath: string, specifier: string) => errorsOf('no-restricted-imports', filePath, specifier);
const zoneErrors = (filePath: string, specifier: string) => errorsOf('import-x/no-restricted-paths', filePath, specifier);

const banned: readonly [layer: string, specifier: string][] = [
  ['domain', '@azure/data-tables'],
  ['domain', 'node:fs'],
  ['domain', 'botbuilder'],
  ['cards', '@azure/data-tables'],
  ['cards', 'node:fs'],
  ['cards', 'botbuilder'],
  ['storage', 'botbuilder'],
  ['api', 'botbuilder'],
];

describe('layer import bans in eslint.config.js', () => {
  it.each(banned)('bot/src/%s/ may not import %s', async (layer, specifier) => {
    expect(await importErrors(`bot/src/${layer}/probe.ts`, specifier)).toHaveLength(1);
  });

  it('bot/src/teams/ may import botbuilder', async () => {
    expect(await importErrors('bot/src/teams/probe.ts', 'botbuilder')).toEqual([]);
  });

  it('bot/src/storage/ may import the Azure SDK', async () => {
    expect(await importErrors('bot/src/storage/probe.ts', '@azure/data-tables')).toEqual([]);
  });
});

// The same overriding would silently drop zones if a later block set import-x/no-restricted-paths again
// for some of bot/src: one zone of the main block checked per side of the app.
describe('layer path zones in eslint.config.js', () => {
  it('bot/src/domain/ may not import config.ts', async () => {
    expect(await zoneErrors('bot/src/domain/probe.ts', '../config')).toHaveLength(1);
  });

  it('tabs/src/ may not import the service beyond the API contract', async () => {
    expect(await zoneErrors('tabs/src/shared/probe.ts', '../../../bot/src/config')).toHaveLength(1);
    expect(await zoneErrors('tabs/src/shared/probe.ts', '../../../bot/src/api/contract')).toEqual([]);
  });

  // Every file of teams/, api/ and jobs/, none exempt: these folders held the last files on repositories.
  it.each(['teams/shared', 'teams/teams', 'teams/delivery', 'api/shared', 'jobs/sessions'])(
    'bot/src/%s/ calls the domain services, never the repositories',
    async (folder) => {
      const probe = `bot/src/${folder}/probe.ts`;
      expect(await zoneErrors(probe, '../../domain/shared/repositories')).toHaveLength(1);
      expect(await zoneErrors(probe, '../../domain/experts/members')).toHaveLength(1);
      expect(await zoneErrors(probe, '../../domain/shared/services')).toEqual([]);
    },
  );
});
