/** Bundles `entry` (a file, or source text with the folder its imports resolve from) into one ESM file Node runs. */
export function bundleNode(options: {
  readonly entry: string | { readonly contents: string; readonly resolveDir: string };
  readonly outfile: string;
  readonly sourcemap?: boolean;
  /** Each dynamic import() in its own file under chunks/ beside the outfile. */
  readonly split?: boolean;
}): Promise<void>;
