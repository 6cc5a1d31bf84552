import { describe, expect, it } from '@jest/globals';
import { ExpertDirectory } from '../../bot/src/domain/experts/expert-directory';
import type { MemberProfile } from '../../bot/src/domain/experts/member';
import { profileOf } from '../support/expert-corpus';
import { quietLogger } from '../support/service';

// `/readyz` waits for ExpertDirectory.searchable (issue #16): a new instance takes no traffic while its
// searches would answer "starting up" because a tenant's index is still being built from every profile.

/** A promise the test resolves (or rejects) when it chooses. */
function held<T>() {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: Error) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const AT = new Date().toISOString();

function setup(tenants: Promise<string[]>, pages: ReadonlyMap<string, Promise<readonly MemberProfile[]>>) {
  const ports: ConstructorParameters<typeof ExpertDirectory>[0] = {
    members: {
      get: async () => undefined,
      forEachInTenant: async (tenantId, onPage) => {
        onPage(await (pages.get(tenantId) ?? Promise.resolve([])));
      },
    },
    teams: { listForTenant: async () => [] },
    sessions: { listForTeam: async () => [] },
    endorsements: { add: async () => true, addMany: async () => undefined, listForPerson: async () => [], listForTenant: async () => [] },
    changes: {
      record: async () => undefined,
      recordErasure: async () => undefined,
      since: async () => [],
      tenants: () => tenants,
      prune: async () => 0,
    },
  };
  return new ExpertDirectory(ports, { now: () => new Date(), log: quietLogger, pollIntervalMs: 60_000 });
}

describe('ExpertDirectory.searchable (what /readyz waits for)', () => {
  it('is false until every tenant known at the start is built, then true', async () => {
    const tenants = held<string[]>();
    const first = held<readonly MemberProfile[]>();
    const second = held<readonly MemberProfile[]>();
    const directory = setup(
      tenants.promise,
      new Map([
        ['t-1', first.promise],
        ['t-2', second.promise],
      ]),
    );
    const warm = directory.start();
    try {
      // Not even the tenants listed yet.
      expect(directory.searchable()).toBe(false);
      tenants.resolve(['t-1', 't-2']);
      first.resolve([profileOf(1, AT, 't-1')]);
      await directory.index('t-1');
      // One of two built: a search for the other would still answer "starting up".
      expect(directory.isWarm('t-1')).toBe(true);
      expect(directory.searchable()).toBe(false);
      second.resolve([profileOf(2, AT, 't-2')]);
      await warm;
      expect(directory.searchable()).toBe(true);
    } finally {
      await directory.stop();
    }
  });

  it('is true once the warm-up has ended even if a tenant failed (it loads on its first query), or the listing failed', async () => {
    const broken = held<readonly MemberProfile[]>();
    const directory = setup(Promise.resolve(['t-1']), new Map([['t-1', broken.promise]]));
    const warm = directory.start();
    try {
      expect(directory.searchable()).toBe(false);
      broken.reject(new Error('storage said 500'));
      await warm;
      expect(directory.isWarm('t-1')).toBe(false);
      expect(directory.searchable()).toBe(true);
    } finally {
      await directory.stop();
    }

    const unlisted = setup(Promise.reject(new Error('storage said 500')), new Map());
    try {
      await unlisted.start();
      expect(unlisted.searchable()).toBe(true);
    } finally {
      await unlisted.stop();
    }
  });

  it('is false before the start at all (a directory that was never started warms nothing)', () => {
    expect(setup(Promise.resolve([]), new Map()).searchable()).toBe(false);
  });
});
