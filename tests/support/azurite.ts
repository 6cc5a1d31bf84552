import { startEmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';

/** An in-memory Azurite of the test file's own, on free loopback ports. */
export function startTestAzurite(): Promise<EmbeddedAzurite> {
  return startEmbeddedAzurite({ location: '.data/test-unused', inMemory: true });
}
