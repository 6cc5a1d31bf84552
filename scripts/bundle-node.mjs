// The one set of esbuild options for code that Node runs from dist/ (the service, the benchmarks, the
// delivery worker): one ESM file per entry, dependencies left to node_modules.
//   node scripts/bundle-node.mjs <entry.ts> <outfile> [--sourcemap]
import { build } from 'esbuild';
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
 * @param {{ entry: string | { contents: string; resolveDir: string }; outfile: string; sourcemap?: boolean }} options
 */
export async function bundleNode({ entry, outfile, sourcemap = false }) {
  const input = typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { ...entry, loader: /** @type {const} */ ('ts') } };
  await build({ ...NODE_BUNDLE, ...input, outfile, sourcemap });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { sourcemap: { type: 'boolean', default: false } } });
  const [entry, outfile] = positionals;
  if (!entry || !outfile || positionals.length !== 2) {
    console.error('usage: node scripts/bundle-node.mjs <entry.ts> <outfile> [--sourcemap]');
    process.exit(2);
  }
  await bundleNode({ entry, outfile, sourcemap: values.sourcemap });
}
