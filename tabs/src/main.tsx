import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { detectHost } from './shared/teams';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// Start the Teams handshake before React renders; detectHost never rejects (it falls back to standalone).
const host = detectHost({ fallbackLocale: navigator.language });

createRoot(container).render(
  <StrictMode>
    <App host={host} />
  </StrictMode>,
);
