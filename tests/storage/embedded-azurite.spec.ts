import { describe, expect, it } from '@jest/globals';
import { startEmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';

describe('embedded Azurite', () => {
  it('starts many at once without one tripping over another', async () => {
    const started = await Promise.all(Array.from({ length: 6 }, () => startEmbeddedAzurite({ location: '.data/unused', inMemory: true })));
    try {
      const ports = new Set(started.flatMap((a) => [a.tablePort, a.queuePort]));
      expect(ports.size).toBe(12);
      for (const a of started) expect(a.connectionString).toContain(`TableEndpoint=http://127.0.0.1:${a.tablePort}/`);
    } finally {
      await Promise.all(started.map((a) => a.stop()));
    }
  });
});
