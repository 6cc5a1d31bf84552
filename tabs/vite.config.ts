import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

const tabRoot = fileURLToPath(new URL('.', import.meta.url));
// The one service (bot + API + built tab) listens here in development.
const service = 'http://127.0.0.1:3978';

export default defineConfig(async ({ command }): Promise<UserConfig> => ({
  root: tabRoot,
  // The service serves dist/tab/index.html at `/` and the hashed files under `/assets/`.
  base: '/',
  plugins: [
    react(),
    // Our makeStyles compiled at build time (Fluent's own ship compiled): the page no longer resolves ~70
    // style objects into CSS as it first renders, nor loads the resolver (stylis, rtl-css-js) to do so
    // (issue #16, bench/board-load.mjs). wyw-in-js evaluates the style objects with Babel, reading
    // TypeScript by each file's extension, and ignores any wyw or Babel configuration file it could find
    // on the machine: the build is the same everywhere. Imported for builds only: the development server
    // keeps Griffel's runtime (the same classes and CSS, resolved live).
    command === 'build' &&
      (await import('@griffel/vite-plugin')).default({
        include: [/tabs\/src\/.*\.tsx?$/],
        configFile: false,
        babelOptions: { babelrc: false, configFile: false, presets: ['@babel/preset-typescript'] },
        features: {
          dangerousCodeRemover: true,
          globalCache: true,
          happyDOM: true,
          softErrors: false,
          useBabelConfigs: false,
          useWeakRefInEval: true,
        },
      }),
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/tab', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Maps for symbolicating error reports, without pointing every browser at them.
    sourcemap: 'hidden',
    // The budget that matters is gzip (≤ 200 KB for the board route); raw size warnings are noise.
    chunkSizeWarningLimit: 800,
    // dist/tab/.vite/manifest.json: the module graph the board's budget is computed from
    // (scripts/lib/board-initial-js.mjs). Not served: express.static ignores dot folders.
    manifest: true,
  },
  server: {
    // 53000 is the port the Teams/Agents Toolkit templates use for a local tab.
    port: 53000,
    proxy: {
      '/api': { target: service, changeOrigin: true },
      '/dev': { target: service, changeOrigin: true },
      '/healthz': { target: service, changeOrigin: true },
      '/readyz': { target: service, changeOrigin: true },
    },
  },
  preview: { port: 53000 },
}));
