import type { MemberRepository, SessionRepository, TeamRepository } from '../shared/repositories';
import type { Logger } from '../shared/logger';
import { skillKeyOf, TenantExpertIndex } from './expert-index';
import type { ExpertHit, ExpertPage, ExpertQuery } from './expert-index';
import type { Endorsement, EndorsementRepository, IndexSnapshotStore, ProfileChangeFeed } from './expert-ports';
import { SnapshotKeeper } from './snapshot-keeper';
import type { SkillTaxonomy } from './skill-taxonomy';
import { forgetErased, sessionsTaughtIn } from './directory-reads';

interface ExpertDirectoryPorts {
  readonly members: Pick<MemberRepository, 'get' | 'forEachInTenant'>;
  readonly teams: Pick<TeamRepository, 'listForTenant'>;
  readonly sessions: Pick<SessionRepository, 'listForTeam'>;
  readonly endorsements: EndorsementRepository;
  readonly changes: ProfileChangeFeed;
  /** Where each tenant's index is kept between starts; without it every start reads every profile. */
  readonly snapshots?: IndexSnapshotStore;
}

interface ExpertDirectoryOptions {
  readonly now: () => Date;
  readonly log: Logger;
  /** How often every instance reads the change feed: the freshness bound, plus one round trip. */
  readonly pollIntervalMs?: number;
  /** Each poll re-reads this much of the feed, so a writer whose clock runs behind is not missed. */
  readonly overlapMs?: number;
  /** Sessions end as time passes; the sessions-taught counts are recounted this often. */
  readonly sessionsRefreshMs?: number;
  /** Change rows older than this are deleted. */
  readonly retentionMs?: number;
  /**
   * True while answers are served that the poll should not compete with (a burst of RSVPs): the poll
   * waits, checking again every `deferCheckMs`, for at most `maxDeferMs` in a row, then runs anyway.
   */
  readonly deferWhile?: () => boolean;
  readonly deferCheckMs?: number;
  readonly maxDeferMs?: number;
  /**
   * The start's warm-up tries again after these pauses when listing the tenants, or a tenant's load,
   * fails (a storage blip at boot); then it gives up, and such a tenant loads on its first query.
   */
  readonly warmRetryDelaysMs?: readonly number[];
  /** `searchable()` says yes this long after the start whatever the warm-up's state, so readiness has a bound. */
  readonly readyWithinMs?: number;
}

type SearchOutcome = { readonly status: 'ready'; readonly page: ExpertPage } | { readonly status: 'warming' };
type ExpertOutcome = { readonly status: 'ready'; readonly hit: ExpertHit | undefined } | { readonly status: 'warming' };

interface TenantState {
  index: TenantExpertIndex;
  cursorMs: number;
  readonly seen: Map<string, number>;
  sessionsCountedAt: number;
  prunedAt: number;
}

const RELOAD_CONCURRENCY = 8;
/** About a minute of retries in all. */
const WARM_RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
const READY_WITHIN_MS = 120_000;
/** Above this many changed people in one poll (a bulk import), re-reading the tenant at once is cheaper. */
const FULL_RELOAD_ABOVE = 500;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Expert search for every tenant this instance serves: one in-memory index per tenant, built from
 * storage (in the background at start for every known tenant, or on a tenant's first query) and
 * kept fresh by polling the tenant's profile change feed. Every instance does the same, so a
 * profile saved anywhere is searchable everywhere within about one poll interval (plus up to `maxDeferMs`
 * while a burst of answers is served). See docs/EXPERT-SEARCH.md.
 */
export class ExpertDirectory {
  private readonly loaded = new Map<string, TenantState>();
  private readonly loading = new Map<string, Promise<TenantState>>();
  /** Restored from a snapshot, reading the changes since: searches already answer from it. */
  private readonly catchingUp = new Map<string, TenantState>();
  private readonly snapshots: SnapshotKeeper;
  private readonly pollIntervalMs: number;
  private readonly overlapMs: number;
  private readonly sessionsRefreshMs: number;
  private readonly retentionMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the poll due first began to wait for a burst to end (undefined: not waiting). */
  private deferredSince: number | undefined;
  private polling: Promise<void> | undefined;
  private stopped = false;
  /** The tenants the start warms (undefined until listed), when it began, and whether that warm-up has ended. */
  private startTenants: readonly string[] | undefined;
  private startedAt: number | undefined;
  private startEnded = false;
  private pastReadyBound = false;
  /** Ends the warm-up's pause between retries at once (on stop). */
  private wake: (() => void) | undefined;

  constructor(
    private readonly ports: ExpertDirectoryPorts,
    private readonly options: ExpertDirectoryOptions,
  ) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.overlapMs = options.overlapMs ?? 15_000;
    this.sessionsRefreshMs = options.sessionsRefreshMs ?? 60_000;
    this.retentionMs = options.retentionMs ?? 60 * 60_000;
    this.snapshots = new SnapshotKeeper(ports.snapshots, {
      now: options.now,
      log: options.log,
      retentionMs: this.retentionMs,
    });
  }

  /** Warms every known tenant in the background and starts polling; returns at once. */
  start(): Promise<void> {
    this.startedAt = this.options.now().getTime();
    const warm = this.warmKnownTenants().finally(() => {
      this.startEnded = true;
    });
    this.schedule();
    return warm;
  }

  /**
   * Lists the tenants and loads each; what failed (the listing, or some tenants) is tried again after
   * the next pause, about a minute in all, then left to load on its first query.
   */
  private async warmKnownTenants(): Promise<void> {
    const delays = this.options.warmRetryDelaysMs ?? WARM_RETRY_DELAYS_MS;
    // Undefined until the tenants are listed; then the ones still to warm.
    let left: readonly string[] | undefined;
    for (let attempt = 0; !this.stopped; attempt += 1) {
      left ??= await this.listTenantsToWarm();
      if (left) left = await this.warmEach(left);
      if (left?.length === 0) return;
      const delay = delays[attempt];
      if (delay === undefined) {
        this.options.log.error('expert index: gave up warming at the start; tenants load on their first query', undefined, {
          tenantsLeft: left?.length ?? 'not listed',
        });
        return;
      }
      await this.pause(delay);
    }
  }

  private async listTenantsToWarm(): Promise<readonly string[] | undefined> {
    try {
      this.startTenants = await this.ports.changes.tenants();
      return this.startTenants;
    } catch (error) {
      this.options.log.error('expert index: listing tenants to warm failed', error);
      return undefined;
    }
  }

  /** Loads each tenant in turn (one's trouble holds up no other); answers the ones that failed. */
  private async warmEach(tenants: readonly string[]): Promise<string[]> {
    const failed: string[] = [];
    for (const tenantId of tenants) {
      if (this.stopped) break;
      await this.index(tenantId).catch((error: unknown) => {
        failed.push(tenantId);
        this.options.log.error(`expert index: warming tenant ${tenantId} failed`, error);
      });
    }
    return failed;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    if (this.timer) clearTimeout(this.timer);
    await this.polling;
    await this.snapshots.settled();
  }

  /**
   * Whether every tenant known at the start answers its searches from an index (warm, or from its
   * snapshot while catching up), or the start's warm-up has ended (a tenant whose warm-up failed loads on
   * its first query, as one new since the start does). `/readyz` says so: a new instance takes no traffic
   * while its searches would answer "starting up" (a first build from every profile, issue #16).
   */
  searchable(): boolean {
    if (this.startEnded) return true;
    if (this.startTenants !== undefined && this.startTenants.every((t) => this.loaded.has(t) || this.catchingUp.has(t))) return true;
    // Bounded: a warm-up that takes longer (many large tenants without snapshots) must not keep the
    // instance out of the load balancer until App Service replaces it; its searches wait as before.
    if (this.startedAt === undefined || this.options.now().getTime() - this.startedAt < (this.options.readyWithinMs ?? READY_WITHIN_MS)) {
      return false;
    }
    if (!this.pastReadyBound) {
      this.pastReadyBound = true;
      this.options.log.warn('expert index: still warming at the readiness bound; ready anyway, searches of cold tenants wait');
    }
    return true;
  }

  /** The warm-up's pause between retries; `stop()` ends it at once. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.stopped) {
        resolve();
        return;
      }
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  isWarm(tenantId: string): boolean {
    return this.loaded.has(tenantId);
  }

  /**
   * The profile names of these people as the warm index holds them (every profile of the tenant). It is a
   * poll behind a write on another instance (pollIntervalMs, plus up to maxDeferMs while a burst of answers
   * holds the poll back) and behind this instance's sightings (a new name from Teams); profile edits and
   * erasures on this instance refresh it at once. Only people with a non-empty name; nothing at all for a
   * tenant this instance has not loaded or is still catching up (a name read never loads an index).
   */
  profileNames(tenantId: string, userIds: Iterable<string>): Map<string, string> {
    const names = new Map<string, string>();
    const index = this.loaded.get(tenantId)?.index;
    if (!index) return names;
    for (const userId of userIds) {
      const name = index.displayNameOf(userId);
      if (name) names.set(userId, name);
    }
    return names;
  }

  /** The tenant's index, loading it first when this instance has not yet. */
  async index(tenantId: string): Promise<TenantExpertIndex> {
    const state = this.loaded.get(tenantId);
    if (state) return state.index;
    let pending = this.loading.get(tenantId);
    if (!pending) {
      pending = this.load(tenantId).finally(() => this.loading.delete(tenantId));
      this.loading.set(tenantId, pending);
    }
    return (await pending).index;
  }

  /** Searches a tenant; waits for its index at most `waitMs` (an invoke must answer within 5 s). */
  async search(tenantId: string, query: ExpertQuery, waitMs = Number.POSITIVE_INFINITY): Promise<SearchOutcome> {
    const state = this.loaded.get(tenantId) ?? this.catchingUp.get(tenantId);
    if (state) return { status: 'ready', page: state.index.search(query) };
    const index = this.index(tenantId);
    if (!Number.isFinite(waitMs)) return { status: 'ready', page: (await index).search(query) };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), waitMs);
    });
    const ready = await Promise.race([index, timeout]).finally(() => clearTimeout(timer));
    return ready ? { status: 'ready', page: ready.search(query) } : { status: 'warming' };
  }

  /**
   * One person of the tenant, for the card a picked messaging-extension result inserts; undefined for
   * anyone not of this tenant (a forged or stale id). Waits for the index at most `waitMs`.
   */
  async expert(tenantId: string, userId: string, skillName: string | undefined, waitMs: number): Promise<ExpertOutcome> {
    const state = this.loaded.get(tenantId) ?? this.catchingUp.get(tenantId);
    if (state) return { status: 'ready', hit: state.index.expert(userId, skillName) };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), waitMs);
    });
    const ready = await Promise.race([this.index(tenantId), timeout]).finally(() => clearTimeout(timer));
    return ready ? { status: 'ready', hit: ready.expert(userId, skillName) } : { status: 'warming' };
  }

  /** Endorses a skill (idempotent) and refreshes the person here at once; returns the skill's endorsement count. */
  async endorse(endorsement: Endorsement): Promise<{ readonly created: boolean; readonly count: number }> {
    const created = await this.ports.endorsements.add(endorsement);
    await this.refresh(endorsement.tenantId, [endorsement.userId]);
    const key = skillKeyOf(endorsement.skill);
    const all = await this.ports.endorsements.listForPerson(endorsement.tenantId, endorsement.userId);
    return { created, count: all.filter((e) => skillKeyOf(e.skill) === key).length };
  }

  endorsementsOf(tenantId: string, userId: string): Promise<Endorsement[]> {
    return this.ports.endorsements.listForPerson(tenantId, userId);
  }

  /** Sessions this person taught (ended, not cancelled), as the index last counted them. */
  async sessionsTaught(tenantId: string, userId: string): Promise<number> {
    return (await this.index(tenantId)).sessionsTaughtBy(userId);
  }

  /** The seeded taxonomy plus the tenant's own skills. */
  async taxonomy(tenantId: string): Promise<SkillTaxonomy> {
    return (await this.index(tenantId)).taxonomy();
  }

  /** Re-reads these people now (after a write on this instance: no need to wait for the poll). */
  async refresh(tenantId: string, userIds: readonly string[]): Promise<void> {
    const state = this.loaded.get(tenantId);
    if (state) await this.reload(state, userIds);
  }

  private async load(tenantId: string): Promise<TenantState> {
    const started = this.options.now().getTime();
    const restored = await this.snapshots.restore(tenantId);
    if (restored) {
      // The snapshot's sessions-taught counts stand until the usual recount (sessionsRefreshMs from now):
      // counting them at the catch-up would read every team's sessions before the tenant is warm.
      const state: TenantState = { ...restored, seen: new Map(restored.seen), sessionsCountedAt: started, prunedAt: started };
      // Searches answer from the snapshot while the changes since it are read (the catch-up).
      this.catchingUp.set(tenantId, state);
      try {
        await this.poll(state);
      } finally {
        this.catchingUp.delete(tenantId);
      }
      this.loaded.set(tenantId, state);
      this.options.log.info(
        `expert index: tenant ${tenantId} warm with ${state.index.size} profiles in ${this.options.now().getTime() - started} ms from its snapshot`,
      );
      return state;
    }
    const cursorMs = started - this.overlapMs;
    // Changes already in the feed are in the snapshot read after them: mark them seen, or the
    // first poll would re-read every profile of a bulk import that just happened.
    const seen = new Map((await this.ports.changes.since(tenantId, cursorMs)).map((c): [string, number] => [c.id, c.at]));
    const index = await this.buildIndex(tenantId);
    const state: TenantState = { index, cursorMs, seen, sessionsCountedAt: started, prunedAt: started };
    this.loaded.set(tenantId, state);
    this.options.log.info(
      `expert index: tenant ${tenantId} warm with ${index.size} profiles in ${this.options.now().getTime() - started} ms`,
    );
    // The next start restores this instead of reading every profile.
    this.snapshots.noteChanges(state, 0, true);
    return state;
  }

  private async buildIndex(tenantId: string): Promise<TenantExpertIndex> {
    const [endorsements, taught] = await Promise.all([
      this.ports.endorsements.listForTenant(tenantId),
      sessionsTaughtIn(this.ports, tenantId, this.options.now().getTime()),
    ]);
    const byPerson = new Map<string, Map<string, number>>();
    for (const e of endorsements) {
      const counts = byPerson.get(e.userId) ?? new Map<string, number>();
      const key = skillKeyOf(e.skill);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      byPerson.set(e.userId, counts);
    }
    const index = new TenantExpertIndex(tenantId);
    index.setSessionsTaught(taught);
    // Page by page: the 1,000 profiles of a page become documents before the next page is read, so the
    // process never holds a large tenant's profiles whole (at 100,000 that was most of its peak memory).
    await this.ports.members.forEachInTenant(tenantId, (profiles) => {
      for (const profile of profiles) index.upsert({ profile, endorsements: byPerson.get(profile.userId) ?? new Map() });
    });
    index.prepare();
    return index;
  }

  /** `yielding`: a poll's reload, which pauses between people while a burst of answers is on (burstOver). */
  private async reload(state: TenantState, userIds: Iterable<string>, yielding = false): Promise<void> {
    const queue = [...new Set(userIds)];
    const tenantId = state.index.tenantId;
    // A lane's read failed: the poll fails, and the lanes still waiting stop rather than read on beside the next poll.
    let failed = false;
    const worker = async (lane: number) => {
      for (;;) {
        if (yielding) {
          await this.burstOver();
          // Past the deferral's budget with the burst still on, one lane goes on and the others wait.
          if (lane > 0) await this.whileBurst(() => queue.length > 0 && !failed);
        }
        const userId = failed ? undefined : queue.shift();
        if (userId === undefined) return;
        const [profile, endorsements] = await Promise.all([
          this.ports.members.get(tenantId, userId),
          this.ports.endorsements.listForPerson(tenantId, userId),
        ]);
        if (!profile) {
          state.index.remove(userId);
          continue;
        }
        const counts = new Map<string, number>();
        for (const e of endorsements) counts.set(skillKeyOf(e.skill), (counts.get(skillKeyOf(e.skill)) ?? 0) + 1);
        state.index.upsert({ profile, endorsements: counts });
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(RELOAD_CONCURRENCY, queue.length) }, (_, lane) =>
        worker(lane).catch((error: unknown) => {
          failed = true;
          throw error;
        }),
      ),
    );
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = (async () => {
        await this.burstOver();
        await this.pollAll();
      })().finally(() => {
        this.deferredSince = undefined;
        this.polling = undefined;
        this.schedule();
      });
    }, this.pollIntervalMs);
  }

  /**
   * A poll that falls inside a burst of answers re-reads each new sender's profile and endorsements
   * (two reads each, docs/BENCHMARKS.md "RSVP burst"): it waits until the burst is over, before it
   * starts and between people, for at most `maxDeferMs` in all, so a profile saved elsewhere is
   * searchable here within pollIntervalMs + maxDeferMs (and the reads) at worst.
   */
  private async burstOver(): Promise<void> {
    for (;;) {
      if (this.stopped || !this.options.deferWhile?.()) return;
      // Real time, not the service's clock (a test's clock may stand still).
      const now = performance.now();
      this.deferredSince ??= now;
      if (now - this.deferredSince >= (this.options.maxDeferMs ?? 3_000)) return;
      await new Promise((resolve) => setTimeout(resolve, this.options.deferCheckMs ?? 100));
    }
  }

  /** Waits while a burst of answers is on and `worthWaiting` holds (every `deferCheckMs`). */
  private async whileBurst(worthWaiting: () => boolean): Promise<void> {
    while (!this.stopped && worthWaiting() && this.options.deferWhile?.()) {
      await new Promise((resolve) => setTimeout(resolve, this.options.deferCheckMs ?? 100));
    }
  }

  private async pollAll(): Promise<void> {
    for (const state of this.loaded.values()) {
      if (this.stopped) return;
      try {
        await this.poll(state, true);
      } catch (error) {
        this.options.log.error(`expert index: polling tenant ${state.index.tenantId} failed; trying again next round`, error);
      }
    }
  }

  private async poll(state: TenantState, yielding = false): Promise<void> {
    const tenantId = state.index.tenantId;
    const started = this.options.now().getTime();
    const changes = await this.ports.changes.since(tenantId, state.cursorMs);
    const users = new Set<string>();
    const erased = new Set<string>();
    // Marked seen only once applied: a poll that fails half-way (a storage blip) sees them again next
    // time, and no snapshot claims a change its index never got.
    const fresh = changes.filter((change) => !state.seen.has(change.id));
    for (const change of fresh) {
      for (const userId of change.userIds) users.add(userId);
      for (const key of change.erased ?? []) erased.add(key);
    }
    if (erased.size > 0) await forgetErased(state.index, erased);
    const rebuilt = users.size > FULL_RELOAD_ABOVE;
    if (rebuilt) {
      // Searches keep using the old index until the new one is complete.
      state.index = await this.buildIndex(tenantId);
      state.sessionsCountedAt = started;
    } else {
      await this.reload(state, users, yielding);
    }
    for (const change of fresh) state.seen.set(change.id, change.at);
    state.cursorMs = Math.max(state.cursorMs, started - this.overlapMs);
    for (const [id, at] of state.seen) if (at < state.cursorMs) state.seen.delete(id);
    if (started - state.sessionsCountedAt >= this.sessionsRefreshMs) {
      state.sessionsCountedAt = started;
      state.index.setSessionsTaught(await sessionsTaughtIn(this.ports, tenantId, this.options.now().getTime()));
    }
    if (started - state.prunedAt >= PRUNE_EVERY_MS) {
      state.prunedAt = started;
      await this.ports.changes.prune(tenantId, started - this.retentionMs);
    }
    // Consistent here (every change marked seen is applied): a snapshot may be taken. After an erasure at
    // once, so that no snapshot keeps the erased person longer than needed.
    this.snapshots.noteChanges(state, users.size, rebuilt || erased.size > 0);
  }
}
