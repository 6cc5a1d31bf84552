// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// jest 30 on native ESM (the npm script passes --experimental-vm-modules), TypeScript through @swc/jest.
// Projects by what they need: unit and ship run on plain Node, cards and tab on jsdom, storage and bot
// each start Azurite (and the bot's real CloudAdapter), browser drives Chromium and runs after the others
// (`npm run test:browser`, two files at a time on the one Chromium: the machine was ~30 % idle one at a time).

import { FLUENT_ENTRIES, fluentBundleDir } from './tests/support/jest/fluent-bundle.js';
import { bundledName, SERVICE_PACKAGES, serviceBundleDir } from './tests/support/jest/service-bundle.js';

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('@jest/types').Config.TransformerConfig} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2023',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

/** @param {string} timeout */
const setupFor = (timeout) => [`<rootDir>/tests/support/jest/timeout-${timeout}.ts`];

/** @type {Partial<import('@jest/types').Config.ProjectConfig>} */
const common = {
  rootDir: '.',
  transform: { '^.+\\.tsx?$': swc },
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '^adaptivecards$': '<rootDir>/node_modules/adaptivecards/dist/adaptivecards.js',
    // The service's large CommonJS packages, bundled once per install by the global setup (tests/support/jest/service-bundle.js).
    ...Object.fromEntries(SERVICE_PACKAGES.map((name) => [`^${name}$`, path.join(serviceBundleDir(root), bundledName(name))])),
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/'],
  watchPathIgnorePatterns: ['/.data/', '/dist/', '/test-results/'],
};

const node = { ...common, testEnvironment: 'node' };
const jsdom = {
  ...common,
  testEnvironment: '<rootDir>/tests/support/jest/jsdom-environment.js',
  // Fluent UI bundled once per install by the global setup (tests/support/jest/fluent-bundle.js): a few modules
  // for jest to evaluate per test file instead of about a thousand.
  moduleNameMapper: {
    ...common.moduleNameMapper,
    [`^@fluentui/(${FLUENT_ENTRIES.map((name) => name.replace('@fluentui/', '')).join('|')})$`]: path.join(fluentBundleDir(root), '$1.mjs'),
  },
};

/** @type {import('jest').Config} */
export default {
  globalSetup: '<rootDir>/tests/support/jest/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/jest/global-teardown.js',
  maxWorkers: 2,
  // Azurite, CloudAdapter and Chromium answer in seconds on a busy 2-core machine, not milliseconds.
  slowTestThreshold: 10,
  projects: [
    { ...node, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.spec.ts', '<rootDir>/bot/src/**/*.spec.ts'] },
    { ...node, displayName: 'ship', testMatch: ['<rootDir>/tests/ship/**/*.spec.ts'], setupFilesAfterEnv: setupFor('30s') },
    {
      ...jsdom,
      displayName: 'cards',
      testMatch: ['<rootDir>/tests/cards/**/*.spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/cards/setup.ts'],
    },
    {
      ...node,
      displayName: 'storage',
      testMatch: ['<rootDir>/tests/storage/**/*.spec.ts', '<rootDir>/tests/delivery/**/*.spec.ts'],
      setupFilesAfterEnv: setupFor('120s'),
    },
    {
      ...node,
      displayName: 'bot',
      testMatch: ['<rootDir>/tests/bot/**/*.spec.ts', '<rootDir>/tests/api/**/*.spec.ts'],
      setupFilesAfterEnv: setupFor('120s'),
    },
    {
      ...jsdom,
      displayName: 'tab',
      testMatch: ['<rootDir>/tests/tabs/**/*.spec.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/tests/tabs/setup.ts', ...setupFor('30s')],
    },
    { ...node, displayName: 'browser', testMatch: ['<rootDir>/tests/e2e/**/*.spec.ts'], setupFilesAfterEnv: setupFor('180s') },
  ],
};
