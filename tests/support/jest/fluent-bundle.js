import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

/** Where the bundle is written; jest.config.js maps `@fluentui/<name>` to `<dir>/<name>.mjs`. */
export const FLUENT_BUNDLE_DIR = 'node_modules/.cache/peerlearn-jest/fluent';

// use-sync-external-store is CommonJS that requires React: bundled, its require('react') could not reach the outside.
const external = ['react', 'react/*', 'react-dom', 'react-dom/*', 'scheduler', 'use-sync-external-store', 'use-sync-external-store/*'];

/** What the bundle depends on: the installed versions (the lock file) and this file's options. */
function fingerprint(root) {
  const lock = readFileSync(path.join(root, 'package-lock.json'));
  const self = readFileSync(new URL(import.meta.url));
  return createHash('sha256').update(lock).update(self).digest('hex');
}

/** Builds the bundle unless the one there was built from the same lock file; returns the folder. */
export async function ensureFluentBundle(root = process.cwd()) {
  const dir = path.join(root, FLUENT_BUNDLE_DIR);
  const stamp = path.join(dir, 'stamp');
  const wanted = fingerprint(root);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return dir;

  // Built beside, then moved into place: a run cut short never leaves half a bundle that looks whole.
  const next = `${dir}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(FLUENT_ENTRIES.map((name) => [name.replace('@fluentui/', ''), name])),
    outdir: next,
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
  writeFileSync(path.join(next, 'stamp'), wanted);
  mkdirSync(path.dirname(dir), { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(next, dir);
  return dir;
}
