import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';

describe('README configuration table', () => {
  it('documents every environment variable config.ts reads, and no other', () => {
    const source = readFileSync('bot/src/config.ts', 'utf8');
    const read = new Set(
      [...source.matchAll(/\b(?:raw|bool|guid|list|port|oneOf<\w+>|wholeNumber)\((?:r, )?'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]),
    );
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 5));
    const documented = new Set([...table.matchAll(/^\| `([A-Z][A-Z0-9_]+)` +\|/gm)].map((m) => m[1]));
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((v) => !documented.has(v))).toEqual([]);
    expect([...documented].filter((v) => !read.has(v))).toEqual([]);
  });
});
