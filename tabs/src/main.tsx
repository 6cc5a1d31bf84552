import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { detectHost } from './shared/teams';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Start the Teams handshake before React renders; detectHost never rejects (it falls back to standalone).
const host = detectHost({ fallbackLocale: navigator.language });
// A User Timing mark the board benchmark reads (bench/board-load.mjs); costs nothing otherwise.
void host.then(() => performance.mark('peerlearn:host-detected'));

createRoot(container).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
);
