// node scripts/ensure-link-secret.mjs --env dev [--rotate | --end-rotation] [--env-dir env]
//
// The secret that signs PeerLearn's public links (calendar .ics, buddy chat .ics, export) must be made
// once and kept: every provision passes the same value to infra/azure.bicep (which stores it in Key
// Vault), so links already posted in cards keep working. teamsapp.yml runs this before arm/deploy.
//
// It keeps SECRET_CALENDAR_LINK_SECRET (and SECRET_CALENDAR_LINK_SECRET_PREVIOUS, empty unless a
// rotation is under way) in env/.env.<env>.user, which git ignores, making the secret only when it is
// missing; nobody types it. It also prints them as `::set-teamsfx-env NAME=VALUE`, the Agents
// Toolkit's way for a script step to hand values to the steps after it in the same run.
//   --rotate        the current secret becomes the previous one (still accepted), a new one signs
//   --end-rotation  forget the previous secret: links it signed stop working
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CURRENT = 'SECRET_CALENDAR_LINK_SECRET';
const PREVIOUS = 'SECRET_CALENDAR_LINK_SECRET_PREVIOUS';

const { values: args } = parseArgs({
  options: {
    env: { type: 'string', default: 'dev' },
    'env-dir': { type: 'string', default: path.join(ROOT, 'env') },
    rotate: { type: 'boolean', default: false },
    'end-rotation': { type: 'boolean', default: false },
  },
});
if (!/^[a-z0-9-]+$/i.test(args.env)) {
  console.error(`--env must be an environment name such as dev (got "${args.env}")`);
  process.exit(2);
}
if (args.rotate && args['end-rotation']) {
  console.error('--rotate and --end-rotation exclude each other');
  process.exit(2);
}

const file = path.join(args['env-dir'], `.env.${args.env}.user`);
const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
const valueOf = (/** @type {string} */ name) => {
  const line = lines.find((l) => l.startsWith(`${name}=`));
  return line === undefined ? undefined : line.slice(name.length + 1).trim();
};
// 48 random bytes, base64url: 64 characters, well over the service's minimum of 32.
const fresh = () => randomBytes(48).toString('base64url');

const before = { current: valueOf(CURRENT), previous: valueOf(PREVIOUS) };
let current = before.current || undefined;
let previous = before.previous ?? '';
if (args.rotate) {
  if (!current) {
    console.error(`No ${CURRENT} in ${path.relative(process.cwd(), file)} to rotate; provision once first.`);
    process.exit(1);
  }
  previous = current;
  current = fresh();
} else if (args['end-rotation']) {
  previous = '';
}
const made = current === undefined;
current ??= fresh();

const kept = lines.filter((l) => !l.startsWith(`${CURRENT}=`) && !l.startsWith(`${PREVIOUS}=`));
while (kept.length > 0 && kept.at(-1) === '') kept.pop();
writeFileSync(file, [...kept, `${CURRENT}=${current}`, `${PREVIOUS}=${previous}`, ''].join('\n'), { mode: 0o600 });

// Only what changed: the Toolkit read the file when the run began, and a secret is not printed needlessly.
if (current !== before.current) console.log(`::set-teamsfx-env ${CURRENT}=${current}`);
if (previous !== before.previous) console.log(`::set-teamsfx-env ${PREVIOUS}=${previous}`);
const what = args.rotate
  ? 'rotated (the previous secret is still accepted)'
  : args['end-rotation']
    ? 'rotation ended'
    : made
      ? 'made'
      : 'kept';
console.error(`link secret ${what}: ${path.relative(process.cwd(), file)}`);
