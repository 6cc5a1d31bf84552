// Builds the Teams app package: fills the manifest's ${{VAR}} placeholders, checks every value, zips.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Exactly what Teams expects at the package root, no more. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png', 'nl-NL.json'];
const TEXT_FILES = new Set(['manifest.json', 'nl-NL.json']);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/i;
const SHORT_NAME = 'PeerLearn';

const guid = (name, value) =>
  GUID.test(value) ? undefined : `${name} must be a GUID such as 00000000-0000-0000-0000-000000000000 (got "${value}")`;
const domain = (name, value) =>
  HOSTNAME.test(value)
    ? undefined
    : `${name} must be a host name without scheme, port or path, e.g. peerlearn-dev.azurewebsites.net (got "${value}")`;

/** How each Toolkit variable is checked; an empty value counts as missing unless `emptyAllowed`. */
export const RULES = {
  TEAMS_APP_ID: { check: guid },
  BOT_ID: { check: guid },
  AAD_APP_CLIENT_ID: { check: guid },
  TAB_DOMAIN: { check: domain },
  TAB_ENDPOINT: {
    check(name, value) {
      let url;
      try {
        url = new URL(value);
      } catch {
        url = undefined;
      }
      if (!url || url.protocol !== 'https:' || url.pathname !== '/' || value.endsWith('/') || url.search || url.hash || url.username) {
        return `${name} must be an https URL of a host, without a path or trailing slash, e.g. https://peerlearn-dev.azurewebsites.net (got "${value}")`;
      }
      return undefined;
    },
  },
  APP_NAME_SUFFIX: {
    emptyAllowed: true,
    check(name, value) {
      // name.short is at most 30 characters in the manifest schema.
      if (SHORT_NAME.length + value.length > 30) return `${name} must be at most ${30 - SHORT_NAME.length} characters (got "${value}")`;
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f"\\<>]/.test(value))
        return `${name} must not contain quotes, backslashes, angle brackets or control characters (got "${value}")`;
      return undefined;
    },
  },
};

/** Parses a Toolkit .env file: KEY=VALUE lines, # comments, optional quotes. */
export function parseEnvFile(text) {
  const values = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    let value = match[2];
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, '');
    values[match[1]] = value;
  }
  return values;
}

/** The env file(s) first, then the process environment: the environment wins. */
export function loadValues(envDir, envName, processEnv) {
  const files = [`.env.${envName}`, `.env.${envName}.user`].map((f) => path.join(envDir, f));
  if (!existsSync(files[0])) return { values: undefined, files };
  const values = {};
  for (const file of files) {
    if (existsSync(file)) Object.assign(values, parseEnvFile(readFileSync(file, 'utf8')));
  }
  for (const [key, value] of Object.entries(processEnv)) {
    if (value !== undefined) values[key] = value;
  }
  return { values, files };
}

export function placeholdersIn(text) {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/** Every problem with the values the templates need, in one list (empty when all is well). */
export function checkValues(names, values) {
  const problems = [];
  for (const name of [...names].sort()) {
    const rule = RULES[name] ?? {};
    const raw = values[name];
    const value = raw?.trim();
    if (value === undefined || (value === '' && !rule.emptyAllowed)) {
      problems.push(`${name} is missing`);
      continue;
    }
    const problem = rule.check?.(name, value);
    if (problem) problems.push(problem);
  }
  const endpoint = values.TAB_ENDPOINT?.trim();
  const tabDomain = values.TAB_DOMAIN?.trim();
  if (names.includes('TAB_ENDPOINT') && names.includes('TAB_DOMAIN') && endpoint && tabDomain && problems.length === 0) {
    const host = new URL(endpoint).host;
    if (host.toLowerCase() !== tabDomain.toLowerCase())
      problems.push(`TAB_DOMAIN must be the host of TAB_ENDPOINT ("${host}", got "${tabDomain}")`);
  }
  return problems;
}

/** Replaces placeholders inside a JSON text; values are JSON-escaped so no value can break the document. */
export function fillPlaceholders(text, values) {
  return text.replace(PLACEHOLDER, (_, name) => JSON.stringify(values[name].trim()).slice(1, -1));
}

export class PackageError extends Error {
  constructor(problems, envName) {
    super(
      `Cannot build the app package for environment "${envName}"; fix these values in env/.env.${envName} or the environment:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'PackageError';
    this.problems = problems;
  }
}

/**
 * Reads manifest/, fills and checks it, and returns the package's files (name → bytes) in PACKAGE_FILES order.
 * Schema validation is passed in (`validate(manifest, localization) → string[]`) so this file stays dependency-free.
 */
export async function buildPackageFiles({ manifestDir, values, envName, validate }) {
  const sources = Object.fromEntries(PACKAGE_FILES.map((name) => [name, readFileSync(path.join(manifestDir, name))]));
  const names = [...new Set([...TEXT_FILES].flatMap((name) => placeholdersIn(sources[name].toString('utf8'))))];
  const problems = checkValues(names, values);
  if (problems.length > 0) throw new PackageError(problems, envName);

  const filled = { ...sources };
  for (const name of TEXT_FILES) filled[name] = Buffer.from(fillPlaceholders(sources[name].toString('utf8'), values), 'utf8');
  const manifest = JSON.parse(filled['manifest.json'].toString('utf8'));
  const localization = JSON.parse(filled['nl-NL.json'].toString('utf8'));
  const schemaProblems = await validate(manifest, localization);
  if (schemaProblems.length > 0)
    throw new PackageError(
      schemaProblems.map((p) => `schema: ${p}`),
      envName,
    );
  return PACKAGE_FILES.map((name) => ({ name, data: filled[name] }));
}
