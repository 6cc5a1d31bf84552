import { defineConfig } from 'vitest/config';

// Storage, bot and e2e tests share one Azurite per file and bind loopback ports; two forks fit a 2-core CI.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.spec.ts', 'bot/src/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'cards',
          include: ['tests/cards/**/*.spec.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/cards/setup.ts'],
        },
      },
      {
        test: {
          name: 'storage',
          include: ['tests/storage/**/*.spec.ts', 'tests/bot/**/*.spec.ts', 'tests/api/**/*.spec.ts', 'tests/delivery/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'tabs',
          include: ['tests/tabs/**/*.spec.tsx', 'tests/tabs/**/*.spec.ts'],
          environment: 'jsdom',
          setupFiles: ['tests/tabs/setup.ts'],
        },
      },
      {
        test: {
          // Manifest, app package, Bicep and lifecycle files: offline, seconds.
          name: 'ship',
          include: ['tests/ship/**/*.spec.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.spec.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
    maxWorkers: 2,
  },
});
