// npm run build:deploy   →   build/deploy.zip (and the same files unpacked in build/deploy/)
//
// What App Service runs, and nothing else (issue #17): the bundled service and the built tab from
// dist/, a package.json whose dependencies are exactly the packages the bundle imports, and their
// production install at the versions of the root lockfile. No sources, no dev packages (vite, jest,
// TypeScript, the `node` package's binary, Azurite), no type declarations or source maps of packages.
//   node scripts/build-deploy.mjs [--skip-build]
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createZip } from './lib/zip.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What App Service accepts at most from us (the limit); the build fails above it. */
export const DEPLOY_ZIP_MAX_BYTES = 60 * 1024 * 1024;

// Files of installed packages that nothing runs: type declarations, source maps, docs.
const DROPPED = [/\.map$/, /\.d\.[cm]?ts$/, /\.md$/i, /^\.bin$/, /^\.package-lock\.json$/];

/**
 * The packages the bundle imports: the bare specifiers of its static `import … from` lines (Node
 * built-ins aside). The embedded Azurite is loaded through createRequire only when no storage is
 * configured, which production refuses, so it is no runtime dependency.
 * @param {string} bundle
 * @returns {string[]}
 */
export function importedPackages(bundle) {
  const names = new Set();
  for (const match of bundle.matchAll(/^import\s[^;]*?\sfrom\s"([^".][^"]*)";?$/gm)) {
    const specifier = match[1] ?? '';
    if (specifier.startsWith('node:')) continue;
    const parts = specifier.split('/');
    names.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier));
  }
  return [...names].sort();
}

/** @param {string} dir @param {string} base @returns {{ name: string; file: string }[]} */
function filesUnder(dir, base = dir) {
  /** @type {{ name: string; file: string }[]} */
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    if (entry.isDirectory()) out.push(...filesUnder(file, base));
    else if (entry.isFile()) out.push({ name: path.relative(base, file).split(path.sep).join('/'), file });
  }
  return out;
}

/** @param {string} dir */
function prune(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (DROPPED.some((re) => re.test(entry.name))) rmSync(file, { recursive: true, force: true });
    else if (entry.isDirectory() && !entry.isSymbolicLink()) prune(file);
  }
}

/**
 * Builds (unless told not to), stages and zips the deployment.
 * @param {{ skipBuild?: boolean; root?: string; log?: (line: string) => void }} [options]
 * @returns {{ zip: string; stage: string; bytes: number; files: number; packages: string[] }}
 */
export function buildDeploy(options = {}) {
  const root = options.root ?? ROOT;
  const log = options.log ?? ((line) => console.log(line));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  if (!options.skipBuild) execFileSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });

  const bundlePath = path.join(root, 'dist/bot/index.js');
  if (!existsSync(bundlePath) || !existsSync(path.join(root, 'dist/tab/index.html'))) {
    throw new Error('dist/bot/index.js or dist/tab/index.html is missing: run `npm run build` first');
  }
  const rootPackage = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  // The entry and its chunks (the service is split so telemetry loads first: scripts/bundle-node.mjs).
  const bundleFiles = filesUnder(path.join(root, 'dist/bot')).filter((f) => /\.m?js$/.test(f.name));
  const packages = importedPackages(bundleFiles.map((f) => readFileSync(f.file, 'utf8')).join('\n'));
  const missing = packages.filter((name) => !rootPackage.dependencies?.[name]);
  if (missing.length > 0) throw new Error(`the bundle imports packages that are not runtime dependencies: ${missing.join(', ')}`);

  const stage = path.join(root, 'build/deploy');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  cpSync(path.join(root, 'dist/bot'), path.join(stage, 'dist/bot'), { recursive: true });
  cpSync(path.join(root, 'dist/tab'), path.join(stage, 'dist/tab'), { recursive: true });
  const deployPackage = {
    name: `${rootPackage.name}-service`,
    version: rootPackage.version,
    private: true,
    type: 'module',
    engines: rootPackage.engines,
    scripts: { start: 'node --enable-source-maps --max-semi-space-size=4 dist/bot/index.js' },
    dependencies: Object.fromEntries(packages.map((name) => [name, rootPackage.dependencies[name]])),
  };
  writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(deployPackage, null, 2)}\n`);
  // The root lockfile pins every version; npm keeps those of the packages that stay and prunes the rest.
  cpSync(path.join(root, 'package-lock.json'), path.join(stage, 'package-lock.json'));
  execFileSync(npm, ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: stage,
    // npm's own summary is noise here; its errors still show.
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  prune(path.join(stage, 'node_modules'));

  const files = filesUnder(stage).sort((a, b) => a.name.localeCompare(b.name));
  const zip = createZip(files.map(({ name, file }) => ({ name, data: readFileSync(file) })));
  const zipPath = path.join(root, 'build/deploy.zip');
  writeFileSync(zipPath, zip);
  const unpacked = files.reduce((n, f) => n + statSync(f.file).size, 0);
  const mb = (/** @type {number} */ n) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  log(`build/deploy.zip: ${mb(zip.length)} (${files.length} files, ${mb(unpacked)} unpacked); runtime packages: ${packages.join(', ')}`);
  if (zip.length > DEPLOY_ZIP_MAX_BYTES)
    throw new Error(`build/deploy.zip is ${mb(zip.length)}, over the ${mb(DEPLOY_ZIP_MAX_BYTES)} limit`);
  return { zip: zipPath, stage, bytes: zip.length, files: files.length, packages };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { values } = parseArgs({ options: { 'skip-build': { type: 'boolean', default: false } } });
  buildDeploy({ skipBuild: values['skip-build'] });
}
