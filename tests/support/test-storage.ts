import { afterAll, beforeAll } from '@jest/globals';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from './azurite';

export interface TestStorage {
  readonly azurite: EmbeddedAzurite;
  readonly repos: Repositories;
}

/** One in-memory Azurite with PeerLearn's tables and queues for a whole storage test file. */
export function useTestStorage(): TestStorage {
  let azurite: EmbeddedAzurite | undefined;
  let repos: Repositories | undefined;
  beforeAll(async () => {
    azurite = await startTestAzurite();
    const storage = createStorage({ connectionString: azurite.connectionString });
    await storage.ensureCreated();
    repos = storage.repositories;
  });
  afterAll(async () => {
    await azurite?.stop();
  });
  return {
    get azurite() {
      if (!azurite) throw new Error('Azurite is not started yet (use it inside a test)');
      return azurite;
    },
    get repos() {
      if (!repos) throw new Error('Storage is not ready yet (use it inside a test)');
      return repos;
    },
  };
}
