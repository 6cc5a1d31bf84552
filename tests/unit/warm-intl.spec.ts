import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { warmIntl } from '../../tabs/src/app/warm-intl';
import { formatSessionTime } from '../../tabs/src/shared/sessions/format-session';
import { browserTimeZone } from '../../tabs/src/shared/sessions/team-time';

// The entry builds the board's date formatter while the page waits for its code and data (issue #16):
// the first one of a page loads ICU's data (60–215 ms in Chromium), which used to fall in the first card's render.
describe('warmIntl', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('waits for an idle moment, then leaves the formatter the session cards use built', () => {
    // A locale no other test here formats in, so the shared cache starts without it.
    const locale = 'en-IE';
    const idle: (() => void)[] = [];
    const timeouts: (() => void)[] = [];
    const built = jest.spyOn(Intl, 'DateTimeFormat');

    warmIntl(locale, { requestIdleCallback: (callback) => idle.push(callback), setTimeout: (callback) => timeouts.push(callback) });
    expect(idle).toHaveLength(1);
    expect(timeouts).toHaveLength(0);
    const zone = browserTimeZone();
    built.mockClear();
    idle[0]?.();
    expect(built).toHaveBeenCalled();

    built.mockClear();
    const card = formatSessionTime(new Date(Date.now() + 86_400_000).toISOString(), 45, locale, zone);
    expect(card).toMatch(/\d/);
    // The card's own call finds the formatter ready: no new one is built in the render.
    expect(built).not.toHaveBeenCalled();
  });

  it('falls back to a timeout where the browser has no idle callbacks, and survives a malformed locale', () => {
    const timeouts: (() => void)[] = [];
    warmIntl('not a locale!', { setTimeout: (callback) => timeouts.push(callback) });
    expect(timeouts).toHaveLength(1);
    expect(() => timeouts[0]?.()).not.toThrow();
  });
});
