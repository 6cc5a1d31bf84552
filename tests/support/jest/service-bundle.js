import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleDir, ensureBundle } from './bundle-cache.js';

/**
 * The service's four largest packages, bundled once per install for every project (jest.config.js maps each to its
 * file here). Jest loads every module anew for each test file, and these are some 700 small files (botbuilder alone
 * ~630 ms of a test file's start on an idle machine). Bundled, each test file compiles one. The same libraries, but
 * through `require`: the three Azure packages ship CommonJS and ESM builds, and the bundle holds their CommonJS one
 * (production, and jest before, load their ESM build).
 *
 * The four are built into one file, so what they share (@azure/core-*, tslib, msal…) exists once, as it does in
 * node_modules; each package's own file hands out its part of it.
 */
export const SERVICE_PACKAGES = ['botbuilder', '@azure/data-tables', '@azure/storage-queue', '@azure/identity'];

/** Where the bundle is (jest.config.js maps each package to `<dir>/<bundledName(name)>`). @param {string} root */
export const serviceBundleDir = (root) => bundleDir(root, 'service', new URL(import.meta.url));

/** A package's file name in the bundle folder. @param {string} name */
export const bundledName = (name) => `${name.replace('/', '+')}.cjs`;

/** Optional native add-ons that some packages try and do without (ws's bufferutil…): left to require at run time. */
const external = ['bufferutil', 'utf-8-validate', 'encoding', 'supports-color', '@opentelemetry/api'];

/** Builds the bundle unless this install's is there; returns the folder. */
export async function ensureServiceBundle(root = process.cwd()) {
  const dir = serviceBundleDir(root);
  await ensureBundle(dir, async (folder) => {
    await build({
      absWorkingDir: root,
      stdin: {
        contents: `module.exports = {\n${SERVICE_PACKAGES.map((name) => `  ${JSON.stringify(name)}: require(${JSON.stringify(name)}),`).join('\n')}\n};\n`,
        resolveDir: root,
        loader: 'js',
      },
      outfile: path.join(folder, 'all.cjs'),
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node24',
      external,
      logLevel: 'warning',
    });
    for (const name of SERVICE_PACKAGES) {
      writeFileSync(path.join(folder, bundledName(name)), `module.exports = require('./all.cjs')[${JSON.stringify(name)}];\n`);
    }
  });
  return dir;
}
