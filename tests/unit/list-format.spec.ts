import { describe, expect, it } from '@jest/globals';
import { listFormat } from '../../tabs/src/shared/list-format';

// The board names a session's teachers on every card (issue #16): one ListFormat per locale and options.
describe('listFormat', () => {
  it('hands back the same formatter for the same locale and options, another for other ones', () => {
    const first = listFormat('nl-NL', { style: 'long', type: 'conjunction' });
    expect(listFormat('nl-NL', { style: 'long', type: 'conjunction' })).toBe(first);
    expect(listFormat('en-GB', { style: 'long', type: 'conjunction' })).not.toBe(first);
    expect(listFormat('nl-NL', { type: 'disjunction' })).not.toBe(first);
  });

  it('formats as a new Intl.ListFormat does', () => {
    const names = ['Anna', 'Bram', 'Chloé'];
    for (const locale of ['nl-NL', 'en-US'])
      expect(listFormat(locale, { type: 'conjunction' }).format(names)).toBe(
        new Intl.ListFormat(locale, { type: 'conjunction' }).format(names),
      );
  });

  it('still throws for a malformed locale', () => {
    expect(() => listFormat('not a locale!')).toThrow(RangeError);
  });
});
