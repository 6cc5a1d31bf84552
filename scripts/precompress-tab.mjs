// Writes x.js.br and x.js.gz beside each built script, style sheet and SVG of the tab (hashed, so
// written once per build), for the service to send to browsers that accept them
// (bot/src/api/shared/precompressed-assets.ts): maximum compression once, nothing per request.
//   node scripts/precompress-tab.mjs [dist/tab/assets]
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const dir = process.argv[2] ?? 'dist/tab/assets';
// Below this a compressed copy saves less than its headers cost.
const MIN_BYTES = 512;
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json']);

const names = (await readdir(dir)).filter((name) => COMPRESSIBLE.has(path.extname(name)));
let raw = 0;
let br = 0;
let written = 0;
await Promise.all(
  names.map(async (name) => {
    const file = path.join(dir, name);
    const bytes = await readFile(file);
    if (bytes.length < MIN_BYTES) return;
    const [brotlied, gzipped] = await Promise.all([
      brotli(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
      gzipAsync(bytes, { level: 9 }),
    ]);
    // A copy no smaller than the file is not worth sending.
    if (brotlied.length < bytes.length) await writeFile(`${file}.br`, brotlied);
    if (gzipped.length < bytes.length) await writeFile(`${file}.gz`, gzipped);
    raw += bytes.length;
    br += brotlied.length;
    written++;
  }),
);
console.log(`precompressed ${written} files in ${dir}: ${(raw / 1024).toFixed(0)} KB → ${(br / 1024).toFixed(0)} KB brotli`);
