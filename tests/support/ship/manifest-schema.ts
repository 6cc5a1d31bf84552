import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import type { AppManifest } from '@microsoft/app-manifest';

// The validator @microsoft/app-manifest itself uses, resolved from that package so the versions match.
const packageRequire = createRequire(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));

interface AjvError {
  readonly instancePath: string;
  readonly message?: string;
  readonly params: unknown;
}
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: readonly AjvError[] | null;
}
interface AjvInstance {
  compile(schema: unknown): ValidateFunction;
}
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;

export function bundledSchemaDir(): string {
  return path.join(path.dirname(packageRequire.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
}

export async function validateManifest(manifest: unknown): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as AppManifest);
}

/**
 * The localization schema holds patterns ajv rejects in unicode mode (`\b]`), so AppManifestUtils cannot
 * compile it (a bug in the package); compile it with the package's own ajv, non-unicode.
 */
export function validateLocalization(localization: unknown, manifestVersion: string): string[] {
  const Ajv = (packageRequire('ajv-draft-04') as { default: AjvConstructor }).default;
  const addFormats = (packageRequire('ajv-formats') as { default: (ajv: AjvInstance, formats: string[]) => void }).default;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const schemaFile = path.join(bundledSchemaDir(), `v${manifestVersion}`, 'MicrosoftTeams.Localization.schema.json');
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
  if (validate(localization)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
