import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The service's large CommonJS packages, bundled once per install for the Node projects (jest.config.js maps
 * each to its file here). Jest loads every module anew for each test file, and these four are some 700 small
 * CommonJS files (botbuilder alone ~630 ms of a test file's start on an idle machine). Bundled, each test file
 * compiles one. The same library code: Node runs it from node_modules in production, and jest runs it here.
 *
 * The four are built into one file, so what they share (@azure/core-*, tslib, msal…) exists once, as it does in
 * node_modules; each package's own file hands out its part of it.
 */
export const SERVICE_PACKAGES = ['botbuilder', '@azure/data-tables', '@azure/storage-queue', '@azure/identity'];

/** Where the bundle is written; jest.config.js maps each package to `<dir>/<name with / as +>.cjs`. */
export const SERVICE_BUNDLE_DIR = 'node_modules/.cache/peerlearn-jest/service';

/** A package's file name in the bundle folder. */
export const bundledName = (name) => `${name.replace('/', '+')}.cjs`;

/** Optional native add-ons that some packages try and do without (ws's bufferutil…): left to require at run time. */
const external = ['bufferutil', 'utf-8-validate', 'encoding', 'supports-color', '@opentelemetry/api'];

function fingerprint(root) {
  const lock = readFileSync(path.join(root, 'package-lock.json'));
  const self = readFileSync(new URL(import.meta.url));
  return createHash('sha256').update(lock).update(self).digest('hex');
}

/** Builds the bundle unless the one there was built from the same lock file; returns the folder. */
export async function ensureServiceBundle(root = process.cwd()) {
  const dir = path.join(root, SERVICE_BUNDLE_DIR);
  const stamp = path.join(dir, 'stamp');
  const wanted = fingerprint(root);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return dir;

  const next = `${dir}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    stdin: {
      contents: `module.exports = {\n${SERVICE_PACKAGES.map((name) => `  ${JSON.stringify(name)}: require(${JSON.stringify(name)}),`).join('\n')}\n};\n`,
      resolveDir: root,
      loader: 'js',
    },
    outfile: path.join(next, 'all.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node24',
    external,
    logLevel: 'warning',
  });
  for (const name of SERVICE_PACKAGES) {
    writeFileSync(path.join(next, bundledName(name)), `module.exports = require('./all.cjs')[${JSON.stringify(name)}];\n`);
  }
  writeFileSync(path.join(next, 'stamp'), wanted);
  mkdirSync(path.dirname(dir), { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(next, dir);
  return dir;
}
