// Validates the manifest and its localization files against the schemas bundled in @microsoft/app-manifest
// (offline; `teamsapp validate` needs the internet). `npm run package` and tests/ship use this one module;
// its types are in manifest-schema.d.mts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

const packageRequire = createRequire(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));

/** The folder with one `v<manifestVersion>` subfolder per schema version the package bundles. */
export function bundledSchemaDir() {
  return path.join(path.dirname(packageRequire.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
}

function bundledSchemaPath(manifestVersion, file) {
  return path.join(bundledSchemaDir(), `v${manifestVersion}`, file);
}

export async function validateManifest(manifest) {
  return AppManifestUtils.validateAgainstSchema(manifest);
}

/**
 * The bundled localization schema has patterns that ajv rejects in unicode mode (e.g. `\b]`), so
 * AppManifestUtils cannot compile it; compile it with the same validator the package ships, non-unicode.
 */
export function validateLocalization(localization, manifestVersion) {
  const Ajv = packageRequire('ajv-draft-04').default;
  const addFormats = packageRequire('ajv-formats').default;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const schema = JSON.parse(readFileSync(bundledSchemaPath(manifestVersion, 'MicrosoftTeams.Localization.schema.json'), 'utf8'));
  const validate = ajv.compile(schema);
  if (validate(localization)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

export async function validatePackage(manifest, localization) {
  const problems = await validateManifest(manifest);
  const version = manifest.manifestVersion;
  for (const lang of manifest.localizationInfo?.additionalLanguages ?? []) {
    problems.push(...validateLocalization(localization, version).map((p) => `${lang.file}: ${p}`));
  }
  return problems;
}
