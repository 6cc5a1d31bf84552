export interface InitialFile {
  readonly file: string;
  /** gzip -9 bytes */
  readonly gzip: number;
}
export function gzipBytes(tabDir: string, file: string): number;
/** The board route's initial JS for one kind of reader (see the comment at the top of board-initial-js.mjs). */
export function boardInitialJs(
  tabDir: string,
  reader: { readonly language: 'en' | 'nl'; readonly host: 'standalone' | 'teams' },
): { readonly files: readonly InitialFile[]; readonly totalKb: number };
export function htmlScripts(tabDir: string): string[];
export function chunkOf(tabDir: string, key: string): string | undefined;
/** The files the entry preloads when it imports the app (the catalogues and teams-js left out). */
export function preloadedByEntry(tabDir: string): string[];
