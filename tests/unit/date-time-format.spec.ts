import { describe, expect, it } from '@jest/globals';
import { dateTimeFormat } from '../../tabs/src/shared/date-time-format';

// The board formats every card's time with the same few formatters (issue #16): one is built per
// locale and options, and it formats exactly as a freshly built one would.
describe('dateTimeFormat', () => {
  const instant = new Date(Date.now() + 3 * 86_400_000);

  it('hands back the same formatter for the same locale and options, another for other ones', () => {
    const options = { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
    const first = dateTimeFormat('nl-NL', options);
    expect(dateTimeFormat('nl-NL', { ...options })).toBe(first);
    expect(dateTimeFormat('en-GB', options)).not.toBe(first);
    expect(dateTimeFormat('nl-NL', { ...options, timeZone: 'America/New_York' })).not.toBe(first);
    expect(dateTimeFormat('nl-NL', { ...options, minute: undefined })).not.toBe(first);
  });

  it('formats as a new Intl.DateTimeFormat does', () => {
    const options = { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Tokyo' } as const;
    for (const locale of ['nl-NL', 'en-US', 'en'])
      expect(dateTimeFormat(locale, options).format(instant)).toBe(new Intl.DateTimeFormat(locale, options).format(instant));
  });

  it('still throws for a zone that does not exist, and caches nothing for it', () => {
    expect(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en', { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
  });
});
