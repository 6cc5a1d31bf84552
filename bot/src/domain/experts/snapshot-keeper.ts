import type { Logger } from '../shared/logger';
import { TenantExpertIndex } from './expert-index';
import type { IndexSnapshot, IndexSnapshotStore } from './expert-ports';

interface SnapshotKeeperOptions {
  readonly now: () => Date;
  readonly log: Logger;
  /** The change feed keeps this long: a snapshot must be younger, or changes it lacks may be gone from the feed. */
  readonly retentionMs: number;
  /** A tenant with changes gets a new snapshot at most this often... */
  readonly everyMs?: number;
  /** ...or at once after this many changed people. */
  readonly afterChanges?: number;
  /** Without changes, the snapshot is written again after this long, so a restart always finds one young enough. */
  readonly idleMs?: number;
}

/** Where a tenant's index stands on the change feed, as the directory keeps it. */
interface FeedPosition {
  readonly index: TenantExpertIndex;
  readonly cursorMs: number;
  readonly seen: ReadonlyMap<string, number>;
}

interface Written {
  /** Feed time the current snapshot covers up to (about when it was written). */
  at: number;
  changed: number;
}

/**
 * Keeps each tenant's index snapshot in storage (docs/EXPERT-SEARCH.md, "Snapshot"): restores an index
 * from it at start and writes a new one after a full build, after many changes, periodically while
 * changes come in, and soon after an erasure (so no snapshot keeps an erased person for long).
 */
export class SnapshotKeeper {
  private readonly written = new Map<string, Written>();
  private readonly writing = new Map<string, Promise<void>>();
  private readonly everyMs: number;
  private readonly afterChanges: number;
  private readonly idleMs: number;

  constructor(
    private readonly store: IndexSnapshotStore | undefined,
    private readonly options: SnapshotKeeperOptions,
  ) {
    this.everyMs = options.everyMs ?? 10 * 60_000;
    this.afterChanges = options.afterChanges ?? 1_000;
    this.idleMs = options.idleMs ?? 20 * 60_000;
  }

  /**
   * The tenant's index and feed position from its snapshot; undefined when there is none, it is of an
   * unknown format or damaged, or older than the feed reaches back (a rebuild from the profiles then).
   */
  async restore(tenantId: string): Promise<FeedPosition | undefined> {
    if (!this.store) return undefined;
    let snapshot: IndexSnapshot | undefined;
    try {
      snapshot = await this.store.read(tenantId);
    } catch (error) {
      this.options.log.error(`expert index: reading the snapshot of tenant ${tenantId} failed; building from the profiles`, error);
      return undefined;
    }
    if (!snapshot) return undefined;
    // Half the feed's retention as margin: the feed is pruned by other instances' clocks.
    const oldest = this.options.now().getTime() - this.options.retentionMs / 2;
    if (snapshot.cursorMs < oldest) {
      this.options.log.info(
        `expert index: the snapshot of tenant ${tenantId} is older than the change feed reaches; building from the profiles`,
      );
      return undefined;
    }
    const index = new TenantExpertIndex(tenantId);
    try {
      index.restore(snapshot.lists);
    } catch (error) {
      this.options.log.error(`expert index: the snapshot of tenant ${tenantId} does not fit together; building from the profiles`, error);
      return undefined;
    }
    this.written.set(tenantId, { at: snapshot.cursorMs, changed: 0 });
    return { index, cursorMs: snapshot.cursorMs, seen: new Map(snapshot.seen) };
  }

  /**
   * Called by the directory whenever the tenant's index and position are consistent (after a build or
   * a poll, never during one): counts changes and writes a snapshot when one is due. `force` after a
   * full build or an erasure. The snapshot is taken now, synchronously; it is stored in the background.
   */
  noteChanges(position: FeedPosition, changedPeople: number, force: boolean): void {
    if (!this.store) return;
    const tenantId = position.index.tenantId;
    const now = this.options.now().getTime();
    const mark = this.written.get(tenantId) ?? { at: 0, changed: 0 };
    mark.changed += changedPeople;
    this.written.set(tenantId, mark);
    if (this.writing.has(tenantId)) return;
    const due =
      force || mark.changed >= this.afterChanges || (mark.changed > 0 && now - mark.at >= this.everyMs) || now - mark.at >= this.idleMs;
    if (due) void this.write(position, now);
  }

  /** Writes the tenant's snapshot now (the bench and tests; otherwise `afterChanges` decides). */
  writeNow(position: FeedPosition): Promise<void> {
    return this.write(position, this.options.now().getTime());
  }

  /** Resolves when no write is under way. */
  async settled(): Promise<void> {
    while (this.writing.size > 0) await Promise.all([...this.writing.values()]);
  }

  private write(position: FeedPosition, now: number): Promise<void> {
    const store = this.store;
    const tenantId = position.index.tenantId;
    const running = this.writing.get(tenantId);
    if (!store) return Promise.resolve();
    if (running) return running;
    const snapshot: IndexSnapshot = {
      tenantId,
      cursorMs: position.cursorMs,
      seen: [...position.seen],
      lists: position.index.lists(),
    };
    const mark = this.written.get(tenantId) ?? { at: 0, changed: 0 };
    const pending = mark.changed;
    mark.changed = 0;
    mark.at = now;
    this.written.set(tenantId, mark);
    const started = this.options.now().getTime();
    // Only the count outlives the write's start: the lists (tens of MB at 100,000) are garbage once encoded.
    const people = snapshot.lists.people.length;
    const done = store
      .write(snapshot)
      .then(({ written, bytes }) =>
        this.options.log.info(
          `expert index: snapshot of tenant ${tenantId} ${written ? 'written' : 'not written (another instance wrote one first)'}: ` +
            `${people} profiles, ${bytes} bytes in ${this.options.now().getTime() - started} ms`,
        ),
      )
      .catch((error: unknown) => {
        // Due again at the next poll: the changes still count.
        mark.changed += pending;
        mark.at = 0;
        this.options.log.error(`expert index: writing the snapshot of tenant ${tenantId} failed`, error);
      })
      .finally(() => this.writing.delete(tenantId));
    this.writing.set(tenantId, done);
    return done;
  }
}
