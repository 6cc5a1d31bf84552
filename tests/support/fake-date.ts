import { afterEach, beforeEach, jest } from '@jest/globals';

/**
 * Within the calling `describe`, `new Date()` and `Date.now()` start at `now` and run on in real
 * time; timers, promises and everything else stay real, so waits for a state behave as anywhere.
 * For code under test that reads the clock itself (e.g. the plan form, which refuses a start in
 * the past, when the app renders it without a `now` prop), so fixtures with fixed dates never
 * slide into the past. Kept to the suites that need it: Fluent's dialogs stay hidden from the
 * accessibility tree under a faked Date in jsdom.
 */
export function useFakeDate(now: Date): void {
  beforeEach(() => {
    jest.useFakeTimers({
      now,
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterEach(() => {
    jest.useRealTimers();
  });
}
