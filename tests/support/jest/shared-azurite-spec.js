// What global-setup.js tells the workers about the shared Azurites (tests/support/azurite.ts reads it).

/** The environment variable: JSON `{ instances: [{ host, tablePort, queuePort, pid }], slots: dir }`. */
export const SHARED_AZURITE_ENV = 'PEERLEARN_TEST_AZURITE';

/** One Azurite per jest worker (jest.config.js: maxWorkers). */
export const WORKERS = 2;

/**
 * Storage accounts each Azurite knows; a test file takes a fresh one for every storage it starts (about 200 a
 * run). Azurite reads them from one environment variable, which Linux caps at 128 KiB: 600 take 57 KiB.
 */
export const SHARED_ACCOUNTS = 600;

/** @returns {string[]} */
export function sharedAccountNames() {
  return Array.from({ length: SHARED_ACCOUNTS }, (_, i) => `pltest${String(i).padStart(4, '0')}`);
}
