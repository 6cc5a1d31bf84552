import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { odata } from '@azure/data-tables';
import type { Repositories } from '../../bot/src/domain/shared/repositories';
import { createStorage } from '../../bot/src/storage/shared/create-storage';
import type { EmbeddedAzurite } from '../../bot/src/storage/shared/embedded-azurite';
import { profilesPartition, TABLES } from '../../bot/src/storage/shared/keys';
import { listAll, MAX_PAGE_SIZE } from '../../bot/src/storage/shared/paging';
import type { Page, PagedSource, PageSettings } from '../../bot/src/storage/shared/paging';
import { startTestAzurite } from '../support/azurite';
import { ids, profile, rawTable } from '../support/storage/fixtures';

/** A fake paged listing: pages[i] is served for token `t${i}`; each byPage call serves `perCall` pages. */
function fakeSource(pages: readonly (readonly number[])[], perCall = Infinity): PagedSource<number> & { calls: PageSettings[] } {
  const calls: PageSettings[] = [];
  return {
    calls,
    byPage(settings: PageSettings = {}) {
      calls.push(settings);
      const start = settings.continuationToken === undefined ? 0 : Number(settings.continuationToken.slice(1));
      return (async function* () {
        for (let i = start; i < pages.length && i < start + perCall; i += 1) {
          const token = i + 1 < pages.length ? `t${i + 1}` : undefined;
          yield Object.assign([...(pages[i] ?? [])], token === undefined ? {} : { continuationToken: token }) as Page<number>;
        }
      })();
    },
  };
}

describe('listAll with a fake iterator', () => {
  it('follows tokens across empty pages', async () => {
    const source = fakeSource([[1, 2], [], [], [3], [], [4, 5], []]);
    expect(await listAll(source, 2)).toEqual([1, 2, 3, 4, 5]);
    expect(source.calls).toEqual([{ maxPageSize: 2 }]);
  });

  it('resumes when an iterator stops on a page that still carries a token', async () => {
    const source = fakeSource([[1], [], [2, 3], [], []], 1);
    expect(await listAll(source)).toEqual([1, 2, 3]);
    expect(source.calls.map((c) => c.continuationToken)).toEqual([undefined, 't1', 't2', 't3', 't4']);
    expect(source.calls.every((c) => c.maxPageSize === MAX_PAGE_SIZE)).toBe(true);
  });

  it('handles an empty listing', async () => {
    expect(await listAll(fakeSource([[]]))).toEqual([]);
    expect(await listAll(fakeSource([]))).toEqual([]);
  });
});

describe('paging against Azurite', () => {
  let azurite: EmbeddedAzurite;
  let repos: Repositories;

  beforeAll(async () => {
    azurite = await startTestAzurite();
    const storage = createStorage({ connectionString: azurite.connectionString });
    await storage.ensureCreated();
    repos = storage.repositories;
  });

  afterAll(async () => {
    await azurite?.stop();
  });

  it('returns all 1,200 profiles of a tenant, across pages, and none of another tenant', async () => {
    const tenantId = ids.tenant();
    const profiles = Array.from({ length: 1200 }, (_, i) => profile(tenantId, `user-${String(i).padStart(4, '0')}`));
    await repos.members.putMany(profiles);
    await repos.members.putMany([profile(ids.tenant(), 'user-0000')]);

    const listed = await repos.members.listForTenant(tenantId);
    expect(listed).toHaveLength(1200);
    expect(new Set(listed.map((p) => p.userId))).toEqual(new Set(profiles.map((p) => p.userId)));

    // The same query through the helper really took more than one page.
    const raw = rawTable(azurite.connectionString, TABLES.profiles);
    const query = raw.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${profilesPartition(tenantId)}` } });
    const pageSizes: number[] = [];
    const counting: PagedSource<unknown> = {
      byPage: (settings) =>
        (async function* () {
          for await (const page of query.byPage(settings)) {
            pageSizes.push(page.length);
            yield page;
          }
        })(),
    };
    expect(await listAll(counting)).toHaveLength(1200);
    expect(pageSizes.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...pageSizes)).toBeLessThanOrEqual(MAX_PAGE_SIZE);
  });
});
