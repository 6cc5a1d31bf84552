import { build } from 'esbuild';
import path from 'node:path';

/** Bundles bench/delivery-worker.ts into one ESM file that Node runs directly. */
export async function buildDeliveryWorker(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'delivery-worker.mjs');
  await build({
    entryPoints: [path.resolve('bench/delivery-worker.ts')],
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}
