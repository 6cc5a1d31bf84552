import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Host } from '../shared/teams';
import { App } from './app';
import type { AppReady } from './app';
import type { EarlyStart } from './early-start';

/** React and the app, loaded by the entry (main.tsx) once it has started the first requests. */
export function mountApp(container: HTMLElement, host: Promise<Host>, early: EarlyStart | undefined, ready: AppReady): void {
  createRoot(container).render(
    <StrictMode>
      <App host={host} early={early} ready={ready} />
    </StrictMode>,
  );
}
