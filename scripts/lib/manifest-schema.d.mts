export function bundledSchemaDir(): string;
/** Problems found by the official manifest schema; empty when the manifest is valid. */
export function validateManifest(manifest: unknown): Promise<string[]>;
export function validateLocalization(localization: unknown, manifestVersion: string): string[];
/** What `npm run package` checks: the manifest, and the localization file of each additional language. */
export function validatePackage(
  manifest: {
    readonly manifestVersion: string;
    readonly localizationInfo?: { readonly additionalLanguages?: readonly { readonly file: string }[] };
  },
  localization: unknown,
): Promise<string[]>;
