/** Types for bundle-cache.js (plain JavaScript: jest.config.js and the global setup load it before any transform). */
export function bundleDir(root: string, name: string, builder: URL): string;
export function ensureBundle(dir: string, build: (folder: string) => Promise<void>): Promise<void>;
