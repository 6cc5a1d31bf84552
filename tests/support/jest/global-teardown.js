import { rmSync } from 'node:fs';
import { SHARED_AZURITE_ENV } from './shared-azurite-spec.js';

/** Stops the shared Azurites of global-setup.js and forgets which accounts were handed out. */
export default async function globalTeardown() {
  const started = globalThis.__peerlearnSharedAzurites ?? [];
  await Promise.all(started.map((a) => a.stop()));
  const spec = process.env[SHARED_AZURITE_ENV];
  if (spec) rmSync(JSON.parse(spec).slots, { recursive: true, force: true });
}
