import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleDir, ensureBundle } from '../support/jest/bundle-cache.js';

/** A repository-like folder: an installed tree's hidden lock file and a builder file. */
function scratch() {
  const root = mkdtempSync(path.join(tmpdir(), 'peerlearn-bundle-cache-'));
  mkdirSync(path.join(root, 'node_modules'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules/.package-lock.json'), '{"packages":{"a":"1.0.0"}}');
  const builder = path.join(root, 'builder.js');
  writeFileSync(builder, 'options v1');
  return { root, builder: pathToFileURL(builder) };
}

describe("the jest bundles' cache (tests/support/jest/bundle-cache.js)", () => {
  it('names the folder after the installed tree and the builder, so a new install or new options get a new one', () => {
    const { root, builder } = scratch();
    const first = bundleDir(root, 'fluent', builder);
    expect(path.basename(first)).toMatch(/^fluent-[0-9a-f]{16}$/);
    expect(bundleDir(root, 'fluent', builder)).toBe(first);
    writeFileSync(path.join(root, 'node_modules/.package-lock.json'), '{"packages":{"a":"1.0.1"}}');
    const reinstalled = bundleDir(root, 'fluent', builder);
    expect(reinstalled).not.toBe(first);
    writeFileSync(builder.pathname, 'options v2');
    expect(bundleDir(root, 'fluent', builder)).not.toBe(reinstalled);
  });

  it('builds once, beside the folder; removes older installs’ folders and builds cut short', async () => {
    const { root, builder } = scratch();
    const dir = bundleDir(root, 'fluent', builder);
    const parent = path.dirname(dir);
    mkdirSync(path.join(parent, 'fluent-0123456789abcdef'), { recursive: true });
    mkdirSync(`${dir}.next-999999`, { recursive: true });
    mkdirSync(path.join(parent, 'service-0123456789abcdef'), { recursive: true });
    const builtIn: string[] = [];
    const build = async (folder: string) => {
      builtIn.push(folder);
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'bundle.mjs'), 'export {};');
    };

    await ensureBundle(dir, build);
    await ensureBundle(dir, build);
    expect(builtIn).toEqual([`${dir}.next-${process.pid}`]);
    expect(readFileSync(path.join(dir, 'bundle.mjs'), 'utf8')).toBe('export {};');
    // Another bundle's folders are not this one's to remove.
    expect(readdirSync(parent).sort()).toEqual([path.basename(dir), 'service-0123456789abcdef'].sort());
  });

  it('keeps the bundle another run moved in first, and drops its own; a failed build leaves nothing that looks whole', async () => {
    const { root, builder } = scratch();
    const dir = bundleDir(root, 'service', builder);
    await ensureBundle(dir, async (folder) => {
      // Meanwhile another jest run finished the same bundle.
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'all.cjs'), 'theirs');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'all.cjs'), 'ours');
    });
    expect(readFileSync(path.join(dir, 'all.cjs'), 'utf8')).toBe('theirs');
    expect(existsSync(`${dir}.next-${process.pid}`)).toBe(false);

    const other = bundleDir(root, 'fluent', builder);
    await expect(
      ensureBundle(other, async (folder) => {
        mkdirSync(folder, { recursive: true });
        throw new Error('esbuild: could not resolve');
      }),
    ).rejects.toThrow('could not resolve');
    expect(existsSync(other)).toBe(false);
  });
});
