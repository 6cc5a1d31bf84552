import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withOneRsvpWriterPerSession } from '../../bot/src/domain/delivery/rsvp-lanes';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { startTestAzurite } from '../support/azurite';
import { session } from '../support/storage/fixtures';

const TENANT = '00000000-0000-0000-0000-0000000000001';
let azurite: EmbeddedAzurite;
let repositories: Repositories;

beforeAll(async () => {
  azurite = await startTestAzurite();
  const storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  repositories = withOneRsvpWriterPerSession(storage.repositories);
});
afterAll(async () => {
  await azurite?.stop();
});

describe('one RSVP writer per session per instance', () => {
  it('200 people answering one session at once are all counted, none refused', async () => {
    // No capacity: every "yes" is a confirmed place.
    const s = session(TENANT, 'team-lanes', 'session-lanes', { startsAt: new Date(Date.now() + 86_400_000).toISOString(), capacity: null });
    await repositories.sessions.create(s);
    const now = new Date();
    const results = await Promise.allSettled(Array.from({ length: 200 }, (_, i) => repositories.rsvps.respond(s, `user-${i}`, 'yes', now)));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const stored = await repositories.sessions.get(TENANT, 'team-lanes', 'session-lanes');
    expect(stored?.counts.yes).toBe(200);
    expect(await repositories.rsvps.listForSession(TENANT, 'session-lanes')).toHaveLength(200);
  });

  it('a failing answer does not block the ones behind it', async () => {
    const missing = { tenantId: TENANT, teamId: 'team-lanes', sessionId: 'no-such-session' };
    const [bad, good] = await Promise.allSettled([
      repositories.rsvps.respond(missing, 'user-x', 'yes', new Date()),
      repositories.rsvps.respond({ tenantId: TENANT, teamId: 'team-lanes', sessionId: 'session-lanes' }, 'user-late', 'maybe', new Date()),
    ]);
    expect(bad.status).toBe('rejected');
    expect(good.status).toBe('fulfilled');
  });
});
