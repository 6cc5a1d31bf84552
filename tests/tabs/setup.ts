import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Session times are asserted as wall-clock text, so pin the zone (Node honours TZ set at run time).
process.env.TZ = 'Europe/Amsterdam';

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

// Without vitest globals, Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
  document.documentElement.removeAttribute('style');
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.lang = '';
});
