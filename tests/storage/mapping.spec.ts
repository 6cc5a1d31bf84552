import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TableClient } from '@azure/data-tables';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { feedbackKey, profileKey, rsvpTallyKey, sessionKey, TABLES, teamKey } from '../../bot/src/storage/shared/keys';
import { memberToEntity } from '../../bot/src/storage/experts/member-mapper';
import { sessionToEntity } from '../../bot/src/storage/sessions/session-mapper';
import { MalformedRowError } from '../../bot/src/storage/shared/storage-errors';
import { startTestAzurite } from '../support/azurite';
import { ids, profile, rawTable, session } from '../support/storage/fixtures';

let azurite: EmbeddedAzurite;
let repos: Repositories;
let profiles: TableClient;

beforeAll(async () => {
  azurite = await startTestAzurite();
  const storage = createStorage({ connectionString: azurite.connectionString });
  await storage.ensureCreated();
  repos = storage.repositories;
  profiles = rawTable(azurite.connectionString, TABLES.profiles);
});

afterAll(async () => {
  await azurite?.stop();
});

/** Writes a profile row as the repository would, then spoils it with `spoil`. */
async function spoiledProfile(spoil: Record<string, unknown>): Promise<{ tenantId: string; userId: string }> {
  const tenantId = ids.tenant();
  const userId = ids.user();
  await profiles.upsertEntity({ ...memberToEntity(profile(tenantId, userId)), ...spoil }, 'Replace');
  return { tenantId, userId };
}

describe('rows that do not map are refused with a clear error', () => {
  it.each([
    ['a JSON property that is not JSON', { teaches: '[{"name":' }, /teaches: not valid JSON/],
    ['JSON of the wrong shape', { teaches: JSON.stringify([{ name: 'SQL', level: 7 }]) }, /teaches\.0\.level/],
    ['a missing required property', { displayName: undefined }, /displayName: /],
    ['a property of the wrong type', { bio: 42 }, /bio: /],
    ['a time that is not a time', { createdAt: 'yesterday' }, /createdAt: not an ISO 8601 time/],
  ])('%s', async (_label, spoil, detail) => {
    const { tenantId, userId } = await spoiledProfile(spoil);
    const key = profileKey(tenantId, userId);
    const error = await repos.members.get(tenantId, userId).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MalformedRowError);
    const message = (error as Error).message;
    expect(message).toContain(TABLES.profiles);
    expect(message).toContain(key.partitionKey);
    expect(message).toContain(key.rowKey);
    expect(message).toMatch(detail);
    // A listing of that partition refuses too, instead of handing out garbage.
    await expect(repos.members.listForTenant(tenantId)).rejects.toBeInstanceOf(MalformedRowError);
  });

  it('a row whose ids do not match its keys (written into the wrong partition)', async () => {
    const [tenantA, tenantB] = [ids.tenant(), ids.tenant()];
    const entity = memberToEntity(profile(tenantA, 'u1'));
    const wrong = profileKey(tenantB, 'u1');
    await profiles.upsertEntity({ ...entity, ...wrong }, 'Replace');
    await expect(repos.members.get(tenantB, 'u1')).rejects.toThrow(/does not match its ids/);
  });

  it('a session with an unknown format or negative counts', async () => {
    const tenantId = ids.tenant();
    const sessions = rawTable(azurite.connectionString, TABLES.sessions);
    await sessions.upsertEntity({ ...sessionToEntity(session(tenantId, 'team', 's1'), 0), format: 'karaoke' }, 'Replace');
    await sessions.upsertEntity({ ...sessionToEntity(session(tenantId, 'team', 's2'), 0), rsvpYes: -1 }, 'Replace');
    await expect(repos.sessions.get(tenantId, 'team', 's1')).rejects.toThrow(/plSessions[\s\S]*format/);
    await expect(repos.sessions.get(tenantId, 'team', 's2')).rejects.toThrow(/rsvpYes/);
    expect(sessionKey(tenantId, 'team', 's1').partitionKey).toBe(`${tenantId}|team`);
  });

  it('a team, feedback and RSVP tally row of the wrong shape', async () => {
    const tenantId = ids.tenant();
    const teamRow = teamKey(tenantId, 'team');
    await rawTable(azurite.connectionString, TABLES.teams).upsertEntity({ ...teamRow, tenantId, teamId: 'team', name: 'x' }, 'Replace');
    await expect(repos.teams.get(tenantId, 'team')).rejects.toBeInstanceOf(MalformedRowError);

    const fb = feedbackKey(tenantId, 's', 'u');
    await rawTable(azurite.connectionString, TABLES.feedback).upsertEntity(
      {
        ...fb,
        tenantId,
        teamId: 'team',
        sessionId: 's',
        userId: 'u',
        rating: 9,
        learnedSomethingNew: true,
        willApply: '',
        submittedAt: '2026-01-01T00:00:00Z',
      },
      'Replace',
    );
    await expect(repos.feedback.listForSession(tenantId, 's')).rejects.toThrow(/plFeedback[\s\S]*rating/);

    await repos.sessions.create(session(tenantId, 'team', 's'));
    await rawTable(azurite.connectionString, TABLES.rsvps).upsertEntity(
      { ...rsvpTallyKey(tenantId, 's'), tenantId, sessionId: 's', yes: 'many' },
      'Replace',
    );
    await expect(repos.rsvps.respond({ tenantId, teamId: 'team', sessionId: 's' }, 'u', 'yes', new Date())).rejects.toBeInstanceOf(
      MalformedRowError,
    );
  });
});
