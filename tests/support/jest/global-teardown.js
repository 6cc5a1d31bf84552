import { rmSync } from 'node:fs';
import { SHARED_AZURITE_ENV } from './shared-azurite-spec.js';

/** Stops the shared Chromium and Azurites of global-setup.js and forgets which accounts were handed out. */
export default async function globalTeardown() {
  await globalThis.__peerlearnSharedChromium?.close();
  const started = globalThis.__peerlearnSharedAzurites ?? [];
  await Promise.all(started.map((a) => a.stop()));
  const spec = process.env[SHARED_AZURITE_ENV];
  if (spec) rmSync(JSON.parse(spec).slots, { recursive: true, force: true });
}
