import path from 'node:path';
import { bundleNode } from '../scripts/bundle-node.mjs';

/** Bundles bench/delivery-worker.ts into one ESM file that Node runs directly. */
export async function buildDeliveryWorker(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'delivery-worker.mjs');
  await bundleNode({ entry: path.resolve('bench/delivery-worker.ts'), outfile });
  return outfile;
}
