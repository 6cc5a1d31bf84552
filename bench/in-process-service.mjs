// The service's own modules (startService, readConfig), bundled from bot/src with esbuild, for the
// benchmarks that run it in-process against the built tab. Not a test.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleNode } from '../scripts/bundle-node.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `name` keeps each benchmark's bundle apart (`dist/bench/<name>-service.mjs`). */
export async function loadServiceModule(name) {
  const outfile = path.join(root, `dist/bench/${name}-service.mjs`);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await bundleNode({
    entry: {
      contents: "export { startService } from './bot/src/server'; export { readConfig } from './bot/src/config';",
      resolveDir: root,
    },
    outfile,
  });
  return import(pathToFileURL(outfile).href);
}

/** The service's Logger, silent but for errors (with their detail). */
export const quietLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: (message, detail) => console.error(message, detail ?? ''),
  scope: (_fields, work) => work(),
};
