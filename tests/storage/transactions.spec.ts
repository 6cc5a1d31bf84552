import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { storageFromClients } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { TABLES } from '../../bot/src/storage/shared/keys';
import { clientsFromConnectionString } from '../../bot/src/storage/shared/storage-clients';
import { chunkByPartition, MAX_TRANSACTION_OPERATIONS } from '../../bot/src/storage/shared/transactions';
import { startTestAzurite } from '../support/azurite';
import { feedback, ids, membership, profile, rsvp, session } from '../support/storage/fixtures';
import { omit } from '../support/omit';

describe('chunkByPartition', () => {
  const row = (partitionKey: string, rowKey: string, n = 0) => ({ partitionKey, rowKey, n });

  it('keeps each chunk inside one partition and at most 100 rows', () => {
    const rows = [
      ...Array.from({ length: 250 }, (_, i) => row('a', `r${i}`)),
      ...Array.from({ length: 3 }, (_, i) => row('b', `r${i}`)),
      ...Array.from({ length: 100 }, (_, i) => row('c', `r${i}`)),
    ];
    const partitions = chunkByPartition(rows);
    expect(partitions.map((chunks) => chunks.map((c) => c.length))).toEqual([[100, 100, 50], [3], [100]]);
    for (const chunks of partitions) {
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(MAX_TRANSACTION_OPERATIONS);
        expect(new Set(chunk.map((r) => r.partitionKey)).size).toBe(1);
      }
    }
  });

  it('keeps the last version of a row given twice', () => {
    const partitions = chunkByPartition([row('a', 'x', 1), row('a', 'y', 1), row('a', 'x', 2)]);
    expect(partitions).toEqual([[[row('a', 'x', 2), row('a', 'y', 1)]]]);
  });

  it('returns nothing for nothing', () => {
    expect(chunkByPartition([])).toEqual([]);
  });
});

describe('putMany against Azurite', () => {
  let azurite: EmbeddedAzurite;
  let repos: Repositories;
  let batches: number[];

  beforeAll(async () => {
    azurite = await startTestAzurite();
    // Count the transactions (`$batch` requests) the profile table sends.
    const clients = clientsFromConnectionString(azurite.connectionString);
    batches = [];
    const storage = storageFromClients({
      queue: (name) => clients.queue(name),
      table(name) {
        const client = clients.table(name);
        if (name === TABLES.profiles) {
          client.pipeline.addPolicy({
            name: 'countBatches',
            sendRequest(request, next) {
              if (request.url.endsWith('/$batch')) batches.push(Date.now());
              return next(request);
            },
          });
        }
        return client;
      },
    });
    await storage.ensureCreated();
    repos = storage.repositories;
  });

  afterAll(async () => {
    await azurite?.stop();
  });

  it('writes 250 rows of one partition and rows of several partitions', async () => {
    const [big, small1, small2] = [ids.tenant(), ids.tenant(), ids.tenant()];
    const rows = [
      ...Array.from({ length: 250 }, (_, i) => profile(big, `u${i}`)),
      ...Array.from({ length: 7 }, (_, i) => profile(small1, `u${i}`)),
      ...Array.from({ length: 101 }, (_, i) => profile(small2, `u${i}`)),
    ];
    batches.length = 0;
    await repos.members.putMany(rows);
    expect(await repos.members.listForTenant(big)).toHaveLength(250);
    expect(await repos.members.listForTenant(small1)).toHaveLength(7);
    expect(await repos.members.listForTenant(small2)).toHaveLength(101);
    // 3 + 1 + 1 transactions of at most 100 each; the 101st row of the third partition is alone, a plain upsert.
    expect(batches).toHaveLength(5);
  });

  it('replaces whole rows (no merge with what was there)', async () => {
    const tenantId = ids.tenant();
    await repos.members.putMany([profile(tenantId, 'u', { email: 'old@example.com' })]);
    await repos.members.putMany([omit(profile(tenantId, 'u', { bio: 'new' }), 'email')]);
    const stored = await repos.members.get(tenantId, 'u');
    expect(stored?.email).toBeUndefined();
    expect(stored?.bio).toBe('new');
  });

  it('every putMany and addMembers handles > 100 rows', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const users = Array.from({ length: 130 }, (_, i) => `user-${i}`);
    await repos.teams.addMembers(users.map((u) => membership(tenantId, teamId, u)));
    await repos.sessions.putMany(users.map((u) => session(tenantId, teamId, `session-${u}`)));
    await repos.rsvps.putMany(users.map((u) => rsvp(tenantId, teamId, 'big-session', u, 'yes')));
    await repos.feedback.putMany(users.map((u) => feedback(tenantId, teamId, 'big-session', u)));
    expect(await repos.teams.listMembers(tenantId, teamId)).toHaveLength(130);
    expect(await repos.teams.listTeamsOf(tenantId, 'user-129')).toHaveLength(1);
    expect(await repos.sessions.listForTeam(tenantId, teamId)).toHaveLength(130);
    expect(await repos.rsvps.listForSession(tenantId, 'big-session')).toHaveLength(130);
    expect(await repos.feedback.listForSession(tenantId, 'big-session')).toHaveLength(130);
  });
});
