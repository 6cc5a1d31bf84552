// What the board route must download before it can show anything, measured on the built tab
// (dist/tab), for the budget test (tests/e2e/board-weight.spec.ts) and `npm run bench:board` alike.
//
// Counted ("initial JS"), gzip -9 per file:
//   - the index.html entry and everything it imports statically: exactly what index.html loads with
//     <script> and <link rel="modulepreload"> (the test checks the two agree);
//   - the app itself (tabs/src/app/mount-app.tsx and its static imports): the entry starts the first
//     requests, then imports it at once, with its files preloaded side by side;
//   - the reader's language catalogue (tabs/src/app/i18n/<en|nl>.ts), which the app imports as it
//     starts, before the first translated render;
//   - inside Teams, teams-js (tabs/src/shared/teams-sdk.ts), imported before anything renders.
// Not counted: chunks the board imports lazily after its sessions are on screen (the sections below
// them, the folded past sessions), other routes, the other language, and the narrow screen's nav menu.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Vite manifest keys (paths under tabs/) of the modules the app imports as it starts, per case. */
const startup = {
  app: 'src/app/mount-app.tsx',
  en: 'src/app/i18n/en.ts',
  nl: 'src/app/i18n/nl.ts',
  teams: 'src/shared/teams-sdk.ts',
};

/** @param {string} tabDir */
function readManifest(tabDir) {
  /** @type {Record<string, { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] }>} */
  const manifest = JSON.parse(readFileSync(path.join(tabDir, '.vite/manifest.json'), 'utf8'));
  return manifest;
}

/**
 * The output files `keys` load before running: each one and its static imports, transitively.
 * @param {ReturnType<typeof readManifest>} manifest
 * @param {readonly string[]} keys
 */
function staticClosure(manifest, keys) {
  const seen = new Set();
  const visit = (/** @type {string} */ key) => {
    if (seen.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the tab's build manifest: rebuild the tab (npm run build:tab)`);
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...seen].map((key) => /** @type {{ file: string }} */ (manifest[key]).file);
}

/** @param {string} tabDir @param {string} file */
export function gzipBytes(tabDir, file) {
  return gzipSync(readFileSync(path.join(tabDir, file)), { level: 9 }).length;
}

/**
 * @param {string} tabDir the built tab (dist/tab)
 * @param {{ readonly language: 'en' | 'nl'; readonly host: 'standalone' | 'teams' }} reader
 */
export function boardInitialJs(tabDir, { language, host }) {
  const manifest = readManifest(tabDir);
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry && key.endsWith('index.html'));
  if (!entry) throw new Error('no index.html entry in the tab build manifest');
  const keys = [entry, startup.app, startup[language], ...(host === 'teams' ? [startup.teams] : [])];
  const files = staticClosure(manifest, keys).map((file) => ({ file, gzip: gzipBytes(tabDir, file) }));
  return { files, totalKb: files.reduce((sum, f) => sum + f.gzip, 0) / 1024 };
}

/** The files index.html itself loads (<script src> and modulepreloads), as paths under the tab's folder. */
export function htmlScripts(tabDir) {
  const html = readFileSync(path.join(tabDir, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => /** @type {string} */ (m[1]));
}

/** The built file of a source module (a key of the manifest, e.g. `src/app/app-nav-menu.tsx`), if it is its own chunk. */
export function chunkOf(tabDir, key) {
  return readManifest(tabDir)[key]?.file;
}

/**
 * The files the entry preloads side by side when it imports the app (vite's `__vite__mapDeps` list of
 * the entry chunk), as paths under the tab's folder: the catalogues and teams-js, which the entry
 * imports too, are left out (counted per reader above).
 */
export function preloadedByEntry(tabDir) {
  const [entry] = htmlScripts(tabDir);
  if (!entry) throw new Error('index.html loads no script');
  const code = readFileSync(path.join(tabDir, entry), 'utf8');
  const list = /__vite__mapDeps=[^[]*\[([^\]]*)\]/.exec(code)?.[1] ?? '';
  const perReader = Object.entries(startup)
    .filter(([name]) => name !== 'app')
    .map(([, key]) => chunkOf(tabDir, key));
  return [...list.matchAll(/["'`](assets\/[^"'`]+\.js)["'`]/g)]
    .map((m) => /** @type {string} */ (m[1]))
    .filter((file) => !perReader.includes(file));
}
