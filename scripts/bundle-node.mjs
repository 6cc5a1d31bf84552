// The one set of esbuild options for code that Node runs from dist/ (the service, the benchmarks, the
// delivery worker): one ESM file per entry, dependencies left to node_modules.
//   node scripts/bundle-node.mjs <entry.ts> <outfile> [--sourcemap] [--split]
// --split: each dynamic import() becomes its own file under chunks/ beside the outfile, loaded when it
// runs. The service needs this: its entry starts telemetry before the rest is imported (bot/src/index.ts),
// and in one file every package import would be hoisted to the top and load first.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/** @type {import('esbuild').BuildOptions} */
const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
};

/**
 * Bundles `entry` (a file, or source text with the folder its imports resolve from) into `outfile`.
 * @param {{ entry: string | { contents: string; resolveDir: string }; outfile: string; sourcemap?: boolean; split?: boolean }} options
 */
export async function bundleNode({ entry, outfile, sourcemap = false, split = false }) {
  const input = typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { ...entry, loader: /** @type {const} */ ('ts') } };
  if (!split) {
    await build({ ...NODE_BUNDLE, ...input, outfile, sourcemap });
    return;
  }
  const outdir = path.dirname(outfile);
  const extension = path.extname(outfile);
  // Chunk names carry a content hash: old ones would pile up from build to build.
  rmSync(path.join(outdir, 'chunks'), { recursive: true, force: true });
  await build({
    ...NODE_BUNDLE,
    ...input,
    splitting: true,
    outdir,
    entryNames: path.basename(outfile, extension),
    chunkNames: 'chunks/[name]-[hash]',
    ...(extension === '.js' ? {} : { outExtension: { '.js': extension } }),
    sourcemap,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { sourcemap: { type: 'boolean', default: false }, split: { type: 'boolean', default: false } },
  });
  const [entry, outfile] = positionals;
  if (!entry || !outfile || positionals.length !== 2) {
    console.error('usage: node scripts/bundle-node.mjs <entry.ts> <outfile> [--sourcemap] [--split]');
    process.exit(2);
  }
  await bundleNode({ entry, outfile, sourcemap: values.sourcemap, split: values.split });
}
