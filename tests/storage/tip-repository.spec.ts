import { describe, expect, it } from '@jest/globals';
import { InvalidCursorError } from '../../bot/src/domain/shared/repositories';
import type { Tip } from '../../bot/src/domain/tips/tip';
import { tipMatcher } from '../../bot/src/domain/tips/tip-search';
import { TABLES, tipKey } from '../../bot/src/storage/shared/keys';
import { MalformedRowError } from '../../bot/src/storage/shared/storage-errors';
import { tipToEntity } from '../../bot/src/storage/tips/tip-mapper';
import { ids, profile, rawTable } from '../support/storage/fixtures';
import { useTestStorage } from '../support/test-storage';

const storage = useTestStorage();

const BASE = Date.parse('2026-11-01T08:00:00.000Z');

function tip(tenantId: string, teamId: string, n: number, overrides: Partial<Tip> = {}): Tip {
  return {
    tenantId,
    teamId,
    tipId: `tip-${String(n).padStart(3, '0')}`,
    authorUserId: `author-${n % 3}`,
    title: `Tip number ${n}`,
    body: n % 2 === 0 ? 'Even tips are about Excel.' : 'Odd tips are about SQL.',
    skills: n % 2 === 0 ? ['Excel'] : ['SQL'],
    createdAt: new Date(BASE + n * 60_000).toISOString(),
    ...overrides,
  };
}

async function all(
  tenantId: string,
  teamId: string,
  limit: number,
  matches?: (t: Tip) => boolean,
): Promise<{ pages: string[][]; cursors: number }> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  let cursors = 0;
  do {
    const page = await storage.repos.tips.list(tenantId, teamId, { limit, ...(cursor ? { cursor } : {}), ...(matches ? { matches } : {}) });
    pages.push(page.tips.map((t) => t.tipId));
    cursor = page.cursor;
    if (cursor) cursors += 1;
  } while (cursor);
  return { pages, cursors };
}

describe('tip repository (Azurite)', () => {
  it('stores a tip with awkward ids and every field, reads it back by id, and removes it', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.awkward();
    const stored = tip(tenantId, teamId, 1, {
      tipId: ids.awkward(),
      link: 'https://learn.microsoft.com/x?y=1&z=2',
      body: 'Regels\nmet "quotes" en 😀',
      skills: ['Power BI', 'C#'],
    });
    await storage.repos.tips.add(stored);
    expect(await storage.repos.tips.get(tenantId, teamId, stored.tipId)).toEqual(stored);
    const withoutLink = tip(tenantId, teamId, 2);
    await storage.repos.tips.add(withoutLink);
    expect(await storage.repos.tips.get(tenantId, teamId, withoutLink.tipId)).toEqual(withoutLink);
    await storage.repos.tips.remove(stored);
    expect(await storage.repos.tips.get(tenantId, teamId, stored.tipId)).toBeUndefined();
    // Removing twice is fine.
    await storage.repos.tips.remove(stored);
    expect((await storage.repos.tips.list(tenantId, teamId, { limit: 10 })).tips).toEqual([withoutLink]);
  });

  it('lists newest first in pages with a cursor; the pages together are every tip exactly once', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const tips = Array.from({ length: 45 }, (_, i) => tip(tenantId, teamId, i));
    // Written in random order: the order comes from the keys, not from insertion.
    for (const t of [...tips].sort(() => Math.random() - 0.5)) await storage.repos.tips.add(t);
    const { pages, cursors } = await all(tenantId, teamId, 20);
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    expect(cursors).toBe(2);
    expect(pages.flat()).toEqual(tips.map((t) => t.tipId).reverse());
    // Exactly a page's worth: no cursor to an empty page.
    const exact = await storage.repos.tips.list(tenantId, teamId, { limit: 45 });
    expect(exact.tips).toHaveLength(45);
    expect(exact.cursor).toBeUndefined();
  });

  it('filters while paging: a page holds only matches and the cursor continues after the last one', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const tips = Array.from({ length: 30 }, (_, i) => tip(tenantId, teamId, i));
    for (const t of tips) await storage.repos.tips.add(t);
    const { pages } = await all(tenantId, teamId, 4, tipMatcher({ skill: 'sql' }));
    const odd = tips
      .filter((_, i) => i % 2 === 1)
      .map((t) => t.tipId)
      .reverse();
    expect(pages.flat()).toEqual(odd);
    expect(pages.every((p) => p.length <= 4)).toBe(true);
    const none = await storage.repos.tips.list(tenantId, teamId, { limit: 5, matches: tipMatcher({ text: 'nothing like this' }) });
    expect(none).toEqual({ tips: [] });
  });

  it('a search that matches almost nothing stops after a bounded scan and continues from there', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const table = rawTable(storage.azurite.connectionString, TABLES.tips);
    const tips = Array.from({ length: 2300 }, (_, i) => tip(tenantId, teamId, i, { title: i === 0 ? 'The needle' : `Hay ${i}` }));
    for (let i = 0; i < tips.length; i += 100) await table.submitTransaction(tips.slice(i, i + 100).map((t) => ['create', tipToEntity(t)]));
    const needle = tipMatcher({ text: 'needle' });
    const first = await storage.repos.tips.list(tenantId, teamId, { limit: 5, matches: needle });
    // Nothing yet among the 2,000 newest, but not the end either: the cursor carries on.
    expect(first.tips).toEqual([]);
    expect(first.cursor).toEqual(expect.any(String));
    const second = await storage.repos.tips.list(tenantId, teamId, {
      limit: 5,
      matches: needle,
      ...(first.cursor ? { cursor: first.cursor } : {}),
    });
    expect(second.tips.map((t) => t.title)).toEqual(['The needle']);
    expect(second.cursor).toBeUndefined();
  });

  it('keeps tenants and teams apart', async () => {
    const [tenantA, tenantB] = [ids.tenant(), ids.tenant()];
    const teamId = ids.teamsThread();
    await storage.repos.tips.add(tip(tenantA, teamId, 1));
    await storage.repos.tips.add(tip(tenantB, teamId, 2));
    await storage.repos.tips.add(tip(tenantA, ids.teamsThread(), 3));
    expect((await storage.repos.tips.list(tenantA, teamId, { limit: 10 })).tips.map((t) => t.tipId)).toEqual(['tip-001']);
    expect(await storage.repos.tips.get(tenantB, teamId, 'tip-001')).toBeUndefined();
  });

  it('refuses a cursor it did not make', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    for (const cursor of [
      'not a cursor',
      Buffer.from('PartitionKey eq x').toString('base64url'),
      Buffer.from('123|abc').toString('base64url'),
    ]) {
      await expect(storage.repos.tips.list(tenantId, teamId, { limit: 5, cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    }
  });

  it('refuses a row that does not match its keys or schema', async () => {
    const tenantId = ids.tenant();
    const teamId = ids.teamsThread();
    const key = tipKey(tenantId, teamId, BASE, 'forged');
    await rawTable(storage.azurite.connectionString, TABLES.tips).createEntity({
      ...key,
      tenantId,
      teamId,
      tipId: 'other',
      authorUserId: 'a',
      title: 'T',
      body: '',
      skills: '[]',
      createdAt: new Date(BASE).toISOString(),
    });
    await expect(storage.repos.tips.list(tenantId, teamId, { limit: 5 })).rejects.toBeInstanceOf(MalformedRowError);
  });

  it('members.getMany reads many profiles in batches and leaves unknown ids out', async () => {
    const tenantId = ids.tenant();
    const userIds = Array.from({ length: 45 }, () => ids.user());
    await storage.repos.members.putMany(userIds.map((userId, i) => profile(tenantId, userId, { displayName: `Person ${i}` })));
    const found = await storage.repos.members.getMany(tenantId, [...userIds, 'unknown', userIds[0] ?? '']);
    expect(found.map((p) => p.userId).sort()).toEqual([...userIds].sort());
    expect(await storage.repos.members.getMany(tenantId, [])).toEqual([]);
    expect(await storage.repos.members.getMany(ids.tenant(), userIds.slice(0, 3))).toEqual([]);
  });
});
