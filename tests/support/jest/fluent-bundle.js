import { build } from 'esbuild';
import { bundleDir, ensureBundle } from './bundle-cache.js';

/**
 * The Fluent UI packages the tab imports, bundled once per install for the jsdom projects (jest.config.js maps
 * each to its file here). Jest evaluates every module anew for each test file: Fluent's ESM build is some
 * thousand small modules, and importing `@fluentui/react-components` cost each tab test file 1.6–2.4 s before
 * its first test. Bundled, it is a few modules: the same library code, as the tab's own build bundles it.
 *
 * All four entries are built together with code splitting, so the packages they share (react-shared-contexts,
 * tabster, Griffel…) exist once, as they do in node_modules: two copies of a React context would not see
 * each other's provider. React and react-dom stay outside, the one React the tests render with.
 */
export const FLUENT_ENTRIES = [
  '@fluentui/react-components',
  '@fluentui/react-charts',
  '@fluentui/react-datepicker-compat',
  '@fluentui/react-timepicker-compat',
];

/** Where the bundle is (jest.config.js maps `@fluentui/<name>` to `<dir>/<name>.mjs`). @param {string} root */
export const fluentBundleDir = (root) => bundleDir(root, 'fluent', new URL(import.meta.url));

// use-sync-external-store is CommonJS that requires React: bundled, its require('react') could not reach the outside.
const external = ['react', 'react/*', 'react-dom', 'react-dom/*', 'scheduler', 'use-sync-external-store', 'use-sync-external-store/*'];

/** Builds the bundle unless this install's is there; returns the folder. */
export async function ensureFluentBundle(root = process.cwd()) {
  const dir = fluentBundleDir(root);
  await ensureBundle(dir, async (folder) => {
    await build({
      absWorkingDir: root,
      entryPoints: Object.fromEntries(FLUENT_ENTRIES.map((name) => [name.replace('@fluentui/', ''), name])),
      outdir: folder,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2023',
      external,
      // Left to the test run (jest sets NODE_ENV=test); esbuild would otherwise fix it at "development".
      define: { 'process.env.NODE_ENV': 'globalThis.process.env.NODE_ENV' },
      logLevel: 'warning',
    });
  });
  return dir;
}
