import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Where the global setup keeps the bundles it makes for jest (fluent-bundle.js, service-bundle.js). */
const CACHE = 'node_modules/.cache/peerlearn-jest';

/**
 * The folder a bundle of `name` lives in, named after what it is built from: the installed tree (npm rewrites
 * node_modules/.package-lock.json on every install; the lock file where there is none) and the file that builds it.
 * A new install or new options get a new folder, so a run never replaces a bundle another run is loading, and a
 * bundle is never stamped with a tree it was not built from. Synchronous: jest.config.js maps packages to it.
 * @param {string} root @param {string} name @param {URL} builder
 */
export function bundleDir(root, name, builder) {
  const installed = [path.join(root, 'node_modules/.package-lock.json'), path.join(root, 'package-lock.json')].find((p) => existsSync(p));
  const hash = createHash('sha256');
  if (installed) hash.update(readFileSync(installed));
  hash.update(readFileSync(builder));
  return path.join(root, CACHE, `${name}-${hash.digest('hex').slice(0, 16)}`);
}

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * Makes `dir` with `build(folder)` unless it is there. Built beside and moved into place, so a run cut short never
 * leaves half a bundle that looks whole; when another run moved its own in first, that one is kept. Folders of
 * older installs and of builds cut short (their process gone) are removed.
 * @param {string} dir @param {(folder: string) => Promise<void>} build
 */
export async function ensureBundle(dir, build) {
  if (existsSync(dir)) return;
  const parent = path.dirname(dir);
  const name = path.basename(dir).replace(/-[0-9a-f]{16}$/, '');
  mkdirSync(parent, { recursive: true });
  for (const old of readdirSync(parent)) {
    if (!old.startsWith(`${name}-`) || path.join(parent, old) === dir) continue;
    const builder = /\.next-(\d+)$/.exec(old)?.[1];
    if (builder && isRunning(Number(builder))) continue; // another run is building it now
    rmSync(path.join(parent, old), { recursive: true, force: true });
  }
  const next = `${dir}.next-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  await build(next);
  try {
    renameSync(next, dir);
  } catch (error) {
    rmSync(next, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  }
}
