import { describe, expect, it } from '@jest/globals';
import { readerLanguage } from '../../bot/src/api/shared/authed';

describe('readerLanguage (Accept-Language from the tab)', () => {
  it.each([
    ['nl', 'nl'],
    ['nl-BE', 'nl'],
    ['NL-nl;q=0.9, en;q=0.8', 'nl'],
    ['en', 'en'],
    ['en-GB,nl;q=0.5', 'en'],
    ['de-DE', undefined],
    ['', undefined],
    [undefined, undefined],
    ['nlx', undefined],
  ] as const)('%s → %s', (header, expected) => {
    expect(readerLanguage(header)).toBe(expected);
  });
});
