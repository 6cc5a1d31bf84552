// npm run package -- --env dev   →   build/appPackage.dev.zip
// Fills manifest/'s ${{VAR}} placeholders from env/.env.<env> (+ .env.<env>.user) and the process environment
// (the environment wins), checks every value and the schema, and zips exactly what Teams expects.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildPackageFiles, loadValues, PackageError } from './lib/app-package.mjs';
import { validatePackage } from './lib/manifest-schema.mjs';
import { createZip } from './lib/zip.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    env: { type: 'string', default: 'dev' },
    'env-dir': { type: 'string', default: path.join(root, 'env') },
    'out-dir': { type: 'string', default: path.join(root, 'build') },
  },
});

const envName = args.env;
if (!/^[a-z0-9][a-z0-9-]*$/i.test(envName)) {
  console.error(`--env must be an environment name such as dev or local (got "${envName}")`);
  process.exit(2);
}
const { values, files } = loadValues(args['env-dir'], envName, process.env);
if (!values) {
  console.error(`No environment file ${path.relative(process.cwd(), files[0])}; create it (see docs/DEPLOY.md) or pick another --env.`);
  process.exit(2);
}

try {
  const entries = await buildPackageFiles({ manifestDir: path.join(root, 'manifest'), values, envName, validate: validatePackage });
  mkdirSync(args['out-dir'], { recursive: true });
  const out = path.join(args['out-dir'], `appPackage.${envName}.zip`);
  writeFileSync(out, createZip(entries));
  console.log(`wrote ${path.relative(process.cwd(), out)} (${entries.map((e) => e.name).join(', ')})`);
} catch (error) {
  if (error instanceof PackageError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
