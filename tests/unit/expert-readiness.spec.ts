import { describe, expect, it } from '@jest/globals';
import { ExpertDirectory } from '../../bot/src/domain/experts/expert-directory';
import type { MemberProfile } from '../../bot/src/domain/experts/member';
import { eventually } from '../support/eventually';
import { profileOf } from '../support/expert-corpus';
import { expertPorts } from '../support/expert-ports';
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

type Options = Partial<ConstructorParameters<typeof ExpertDirectory>[1]>;

/** What a tenant's profiles (or the tenant list) are read as: the test decides when and how each read answers. */
type Read<T> = () => Promise<T>;

function setup(tenants: Read<string[]>, pages: ReadonlyMap<string, Read<readonly MemberProfile[]>>, options: Options = {}) {
  const ports = expertPorts({
    members: {
      get: async () => undefined,
      forEachInTenant: async (tenantId, onPage) => onPage(await (pages.get(tenantId) ?? (async () => []))()),
    },
    changes: { tenants },
  });
  return new ExpertDirectory(ports, { now: () => new Date(), log: quietLogger, pollIntervalMs: 60_000, ...options });
}

/** Fails the first `failures` calls, then answers `value`; counts the calls. */
function flaky<T>(failures: number, value: T) {
  let calls = 0;
  return {
    calls: () => calls,
    call: async (): Promise<T> => {
      calls += 1;
      if (calls <= failures) throw new Error('storage said 503');
      return value;
    },
  };
}

describe('ExpertDirectory.searchable (what /readyz waits for)', () => {
  it('is false until every tenant known at the start is built, then true', async () => {
    const tenants = held<string[]>();
    const first = held<readonly MemberProfile[]>();
    const second = held<readonly MemberProfile[]>();
    const directory = setup(
      () => tenants.promise,
      new Map([
        ['t-1', () => first.promise],
        ['t-2', () => second.promise],
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
    const directory = setup(async () => ['t-1'], new Map([['t-1', () => broken.promise]]), { warmRetryDelaysMs: [] });
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

    const unlisted = setup(async () => Promise.reject(new Error('storage said 500')), new Map(), { warmRetryDelaysMs: [] });
    try {
      await unlisted.start();
      expect(unlisted.searchable()).toBe(true);
    } finally {
      await unlisted.stop();
    }
  });

  it('tries the listing and a failed tenant again after a pause (a storage blip at boot), then is ready with both warm', async () => {
    const listing = flaky(2, ['t-1', 't-2']);
    const first = flaky(1, [profileOf(1, AT, 't-1')]);
    const directory = setup(
      listing.call,
      new Map([
        ['t-1', first.call],
        ['t-2', async () => [profileOf(2, AT, 't-2')]],
      ]),
      { warmRetryDelaysMs: [5, 5, 5] },
    );
    try {
      await directory.start();
      expect(listing.calls()).toBe(3);
      expect(first.calls()).toBe(2);
      expect([directory.isWarm('t-1'), directory.isWarm('t-2'), directory.searchable()]).toEqual([true, true, true]);
    } finally {
      await directory.stop();
    }
  });

  it('gives up after its last pause: ready, and the tenant that kept failing loads on its first query', async () => {
    const always = flaky(Number.POSITIVE_INFINITY, [] as MemberProfile[]);
    const directory = setup(async () => ['t-1'], new Map([['t-1', always.call]]), { warmRetryDelaysMs: [5, 5] });
    try {
      await directory.start();
      expect(always.calls()).toBe(3);
      expect(directory.searchable()).toBe(true);
      expect(directory.isWarm('t-1')).toBe(false);
    } finally {
      await directory.stop();
    }
  });

  it('a stop ends the pause between tries at once', async () => {
    const listing = flaky(Number.POSITIVE_INFINITY, [] as string[]);
    const directory = setup(listing.call, new Map(), { warmRetryDelaysMs: [600_000] });
    const warm = directory.start();
    // The listing failed and the warm-up sits in its ten-minute pause.
    await eventually(() => expect(listing.calls()).toBe(1));
    await new Promise((resolve) => setImmediate(resolve));
    await directory.stop();
    // Resolves now, not in ten minutes (the test would time out).
    await warm;
    expect(directory.searchable()).toBe(true);
  });

  it('says yes at its bound (readyWithinMs after the start) even while a tenant still builds', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const building = held<readonly MemberProfile[]>();
    const directory = setup(async () => ['t-1'], new Map([['t-1', () => building.promise]]), {
      now: () => new Date(clock),
      readyWithinMs: 120_000,
    });
    const warm = directory.start();
    try {
      await Promise.resolve();
      clock += 119_999;
      expect(directory.searchable()).toBe(false);
      clock += 1;
      expect(directory.searchable()).toBe(true);
      expect(directory.isWarm('t-1')).toBe(false);
    } finally {
      building.resolve([]);
      await warm;
      await directory.stop();
    }
  });

  it('is false before the start at all (a directory that was never started warms nothing)', () => {
    expect(setup(async () => [], new Map()).searchable()).toBe(false);
  });
});
