import { cleanup, configure } from '@testing-library/react';
import { afterEach } from '@jest/globals';

// findBy*/waitFor wait for a state; on a busy 2-core machine a lazy view or a dialog's motion can
// take longer than the library's 1 s default to appear, so give the wait a budget, not a sleep.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no layout, so no scrolling; the router scrolls a new view to the top.
window.scrollTo = () => undefined;

// jsdom has no matchMedia; Fluent's motion and the tab's system-theme hook both read it.
if (typeof window.matchMedia !== 'function') {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

// jsdom has no ResizeObserver; Fluent's pickers (date, time, combobox positioning) construct one.
if (typeof window.ResizeObserver !== 'function') {
  class NoResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { configurable: true, writable: true, value: NoResizeObserver });
}

// Without injected globals, Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
  document.documentElement.removeAttribute('style');
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.lang = '';
});
