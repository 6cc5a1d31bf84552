import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import { boardInitialJs, chunkOf, htmlScripts, preloadedByEntry } from '../../scripts/lib/board-initial-js.mjs';

/**
 * The board route's initial JS budget (issue #16: ≤ 200 KB gzip), on the tab `npm test` has just built.
 * A file check, not a timing test: what each kind of reader downloads before the board can show, from
 * the build's module graph (scripts/lib/board-initial-js.mjs says what is counted and why).
 */
const TAB = 'dist/tab';
const BUDGET_KB = 200;
const readers = [
  { language: 'en', host: 'standalone' },
  { language: 'nl', host: 'standalone' },
  { language: 'en', host: 'teams' },
  { language: 'nl', host: 'teams' },
] as const;

describe("the board route's first download", () => {
  it.each(readers)('stays within 200 KB gzip for a reader in $language, $host', (reader) => {
    const { files, totalKb } = boardInitialJs(TAB, reader);
    const largest = [...files]
      .sort((a, b) => b.gzip - a.gzip)
      .slice(0, 8)
      .map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} KB`);
    because(`${totalKb.toFixed(1)} KB in ${files.length} files; the largest: ${largest.join(', ')}`, () =>
      expect(totalKb).toBeLessThanOrEqual(BUDGET_KB),
    );
  });

  it('counts exactly what index.html loads up front, plus the startup imports', () => {
    const standalone = boardInitialJs(TAB, { language: 'en', host: 'standalone' }).files.map((f) => f.file);
    const catalogue = chunkOf(TAB, 'src/app/i18n/en.ts');
    const app = chunkOf(TAB, 'src/app/mount-app.tsx');
    expect(catalogue).toBeDefined();
    expect(app).toBeDefined();
    // The entry imports the app at once (main.tsx): its files are counted with the entry's own.
    const entryFiles = [...htmlScripts(TAB), ...preloadedByEntry(TAB)];
    expect(standalone.filter((file) => file !== catalogue).sort()).toEqual([...new Set(entryFiles)].sort());
  });

  it('leaves the other language, teams-js outside Teams, the narrow menu and the sections below the sessions out', () => {
    const initial = (reader: (typeof readers)[number]) => new Set(boardInitialJs(TAB, reader).files.map((f) => f.file));
    const lazy = (key: string) => {
      const file = chunkOf(TAB, key);
      if (!file) throw new Error(`${key} is no chunk of its own any more`);
      return file;
    };
    const english = initial({ language: 'en', host: 'standalone' });
    const dutchInTeams = initial({ language: 'nl', host: 'teams' });
    expect(english.has(lazy('src/app/i18n/nl.ts'))).toBe(false);
    expect(dutchInTeams.has(lazy('src/app/i18n/en.ts'))).toBe(false);
    expect(english.has(lazy('src/shared/teams-sdk.ts'))).toBe(false);
    expect(dutchInTeams.has(lazy('src/shared/teams-sdk.ts'))).toBe(true);
    for (const key of [
      'src/app/app-nav-menu.tsx',
      'src/features/kudos/kudos-wall.tsx',
      'src/features/goals/goals-board-card.tsx',
      'src/features/insights/insights-view.tsx',
    ]) {
      expect({ key, initial: dutchInTeams.has(lazy(key)) }).toEqual({ key, initial: false });
    }
  });

  it("carries styles compiled at build time: no chunk holds Griffel's runtime resolver", () => {
    // @griffel/vite-plugin (tabs/vite.config.ts) turns each makeStyles into its classes and CSS; one left
    // uncompiled (a file the plugin does not see) brings the resolver back into the page.
    const assets = path.join(TAB, 'assets');
    const sourcesOf = readdirSync(assets)
      .filter((file) => file.endsWith('.js.map'))
      .map((map) => ({ map, sources: (JSON.parse(readFileSync(path.join(assets, map), 'utf8')) as { sources: string[] }).sources }));
    const holding = (pattern: RegExp) =>
      sourcesOf.filter(({ sources }) => sources.some((source) => pattern.test(source))).map((m) => m.map);
    // The check can see Griffel at all: the compiled styles' own runtime is there.
    expect(holding(/@griffel\/core\/src\/__styles\./).length).toBeGreaterThan(0);
    expect(holding(/@griffel\/core\/src\/runtime\/resolveStyleRules\./)).toEqual([]);
  });
});
