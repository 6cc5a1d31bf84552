import { listFormat } from '../shared/list-format';
import { formatSessionTime } from '../shared/sessions/format-session';
import { browserTimeZone } from '../shared/sessions/team-time';

interface IdleScheduler {
  readonly requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  readonly setTimeout: (callback: () => void, ms: number) => unknown;
}

/**
 * The first `Intl.DateTimeFormat` of a page loads ICU's calendar, pattern and zone data: 60–215 ms in
 * Chromium, and it fell in the board's first render of a session card, after the sessions had
 * answered (bench/board-load.mjs, issue #16). Done here, the entry spends it while the page is idle
 * waiting for the app's code and the first data; later formatters of the locale cost ~1 ms (another
 * zone included). When the team's zone is the viewer's, the board's first formatters are the ones made here
 * (shared caches); in another zone the ICU data is loaded already and the board's own cost ~1 ms.
 */
export function warmIntl(locale: string, scheduler: IdleScheduler = window): void {
  const warm = () => {
    try {
      formatSessionTime(new Date().toISOString(), 30, locale, browserTimeZone());
      listFormat(locale, { style: 'long', type: 'conjunction' }).format(['a', 'b']);
    } catch {
      // A malformed locale throws here as it would on the board, which shows its own fallback.
    }
  };
  if (scheduler.requestIdleCallback) scheduler.requestIdleCallback(warm, { timeout: 500 });
  else scheduler.setTimeout(warm, 0);
}
