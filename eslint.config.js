// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import path from 'node:path';
import { readdirSync } from 'node:fs';

/** Kebab-case file names (STYLE.md habit 6), without pulling in another plugin for one rule. */
const kebabCase = {
  meta: { type: 'suggestion', schema: [], messages: { kebab: 'File name "{{name}}" must be kebab-case.' } },
  create(context) {
    return {
      Program(node) {
        const name = path.basename(context.filename);
        if (!/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+)*$/.test(name)) {
          context.report({ node, messageId: 'kebab', data: { name } });
        }
      },
    };
  },
};

const layer = (name) => `./bot/src/${name}`;
const botbuilderBan = { group: ['botbuilder*'], message: 'botbuilder stays inside bot/src/teams/.' };

// Features never import each other (bulletproof-react): one zone per tab feature folder.
const tabFeatures = readdirSync('tabs/src/features', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
// The board is the one page made of other features' sections: it may load exactly these (lazily).
const boardSections = [
  './requests/learning-requests.tsx',
  './tips/new-tips.tsx',
  './kudos/kudos-wall.tsx',
  './buddies/buddy-board-card.tsx',
  './open/open-sessions-section.tsx',
  './goals/goals-board-card.tsx',
];
const featureZones = tabFeatures.map((name) => ({
  target: `./tabs/src/features/${name}`,
  from: './tabs/src/features',
  except: [`./${name}`, ...(name === 'board' ? boardSections : [])],
  message: 'Features never import each other; move what they share to tabs/src/shared/ (only the board loads the sections it lists).',
}));

// ---- Services, never repositories --------------------------------------------------------------
// server.ts builds every domain service once (domain/shared/services.ts) and hands them to teams/, api/
// and jobs/; only the domain services and storage/ speak to the repository interfaces.
const servicesOnlyZones = [
  {
    target: [layer('teams'), layer('api'), layer('jobs')],
    from: ['./bot/src/domain/shared/repositories.ts', './bot/src/domain/experts/members.ts'],
    message: 'teams/, api/ and jobs/ call the domain services server.ts built (domain/shared/services.ts), never repositories.',
  },
];
// ---- end of services, never repositories --------------------------------------------------------

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', '.data/', 'test-results/', 'coverage/', '.tsbuild/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  // Type-aware rules for the TypeScript sources: each file is checked against the tsconfig that owns it
  // (service, tab, or tests), found by the project service. A forgotten promise is an unhandled rejection
  // or a race; a promise where a void callback is expected is the same bug one step removed.
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX, local: { rules: { 'kebab-case': kebabCase } } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'local/kebab-case': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-useless-path-segments': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: layer('domain'),
              from: [
                './bot/src/storage',
                './bot/src/teams',
                './bot/src/cards',
                './bot/src/api',
                './bot/src/jobs',
                './bot/src/telemetry',
                './bot/src/index.ts',
                './bot/src/config.ts',
                './bot/src/json-logger.ts',
              ],
              message: 'domain/ is pure: it imports nothing from the outer layers (it gets a Logger passed in).',
            },
            {
              target: layer('cards'),
              from: ['./bot/src/storage', './bot/src/teams', './bot/src/api', './bot/src/jobs'],
              message: 'cards/ are pure builders over domain types.',
            },
            {
              target: layer('storage'),
              from: ['./bot/src/teams', './bot/src/cards', './bot/src/api', './bot/src/jobs'],
              message: 'storage/ implements domain interfaces only.',
            },
            {
              target: [layer('teams'), layer('api'), layer('jobs')],
              from: ['./bot/src/storage'],
              message: 'Only index.ts wires storage in; call domain interfaces.',
            },
            { target: layer('teams'), from: ['./bot/src/api'], message: 'teams/ and api/ are separate edges.' },
            { target: layer('api'), from: ['./bot/src/teams'], message: 'teams/ and api/ are separate edges.' },
            {
              target: './tabs/src',
              from: './bot',
              except: ['./src/api/contract.ts'],
              message: 'The tab imports only the API contract types from bot/.',
            },
            {
              target: './tabs/src/shared',
              from: ['./tabs/src/features', './tabs/src/app'],
              message: 'shared/ imports nothing of app/ or features/.',
            },
            { target: './tabs/src/features', from: './tabs/src/app', message: 'features/ never import app/.' },
            ...featureZones,
            ...servicesOnlyZones,
          ],
        },
      ],
    },
  },
  // Import bans per layer. A flat-config rule set in a later block replaces the earlier block's options
  // for the files both match, so each block lists every pattern its layer needs and the blocks never
  // overlap (tests/ship/layer-imports.spec.ts lints probe files against them).
  {
    files: ['bot/src/domain/**', 'bot/src/cards/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            botbuilderBan,
            { group: ['@azure/*', '@opentelemetry/*', 'express', 'node:*'], message: 'domain/ and cards/ stay free of SDKs and I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bot/src/**'],
    ignores: ['bot/src/teams/**', 'bot/src/domain/**', 'bot/src/cards/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [botbuilderBan] }] },
  },
  {
    files: ['bot/src/**'],
    ignores: ['bot/src/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read config once in config.ts and pass it in.' },
      ],
    },
  },
  {
    files: ['tabs/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
