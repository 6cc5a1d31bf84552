/** The most build/deploy.zip may weigh (bytes); the build fails above it. */
export const DEPLOY_ZIP_MAX_BYTES: number;

/** The packages a bundle's static imports name (Node built-ins aside), sorted. */
export function importedPackages(bundle: string): string[];

/** Builds (unless `skipBuild`), stages build/deploy/ and writes build/deploy.zip. */
export function buildDeploy(options?: { readonly skipBuild?: boolean; readonly root?: string; readonly log?: (line: string) => void }): {
  readonly zip: string;
  readonly stage: string;
  readonly bytes: number;
  readonly files: number;
  readonly packages: string[];
};
