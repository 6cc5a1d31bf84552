import type { Logger } from '../shared/logger';
import { TenantExpertIndex } from './expert-index';
import type { IndexSnapshot, IndexSnapshotStore } from './expert-ports';

interface SnapshotKeeperOptions {
  readonly now: () => Date;
  readonly log: Logger;
  /** The change feed keeps this long: a snapshot must be younger, or changes it lacks may be gone from the feed. */
  readonly retentionMs: number;
}

/** A tenant with changes gets a new snapshot at most this often... */
const EVERY_MS = 10 * 60_000;
/** ...or at once after this many changed people. */
const AFTER_CHANGES = 1_000;
/** Without changes, the snapshot is written again after this long, so a restart always finds one young enough. */
const IDLE_MS = 20 * 60_000;

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
  /**
   * A write is owed at once (a full build, an erasure). Kept while another write is under way: that
   * one took its lists before the erasure, so the next consistent moment writes again.
   */
  forced: boolean;
}

/**
 * Keeps each tenant's index snapshot in storage (docs/EXPERT-SEARCH.md, "Snapshot"): restores an index
 * from it at start and writes a new one after a full build, after many changes, periodically while
 * changes come in, and soon after an erasure (so no snapshot keeps an erased person for long).
 */
export class SnapshotKeeper {
  private readonly written = new Map<string, Written>();
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    private readonly store: IndexSnapshotStore | undefined,
    private readonly options: SnapshotKeeperOptions,
  ) {}

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
    this.written.set(tenantId, { at: snapshot.cursorMs, changed: 0, forced: false });
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
    const mark = this.written.get(tenantId) ?? { at: 0, changed: 0, forced: false };
    mark.changed += changedPeople;
    mark.forced ||= force;
    this.written.set(tenantId, mark);
    if (this.writing.has(tenantId)) return;
    const due = mark.forced || mark.changed >= AFTER_CHANGES || (mark.changed > 0 && now - mark.at >= EVERY_MS) || now - mark.at >= IDLE_MS;
    if (due) void this.write(position, now);
  }

  /** Resolves when no write is under way. */
  async settled(): Promise<void> {
    while (this.writing.size > 0) await Promise.all([...this.writing.values()]);
  }

  private write(position: FeedPosition, now: number): Promise<void> {
    const store = this.store;
    const tenantId = position.index.tenantId;
    if (!store) return Promise.resolve();
    const snapshot: IndexSnapshot = {
      tenantId,
      cursorMs: position.cursorMs,
      seen: [...position.seen],
      lists: position.index.lists(),
    };
    const mark = this.written.get(tenantId) ?? { at: 0, changed: 0, forced: false };
    const pending = mark.changed;
    const forced = mark.forced;
    mark.changed = 0;
    mark.forced = false;
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
        mark.forced ||= forced;
        mark.at = 0;
        this.options.log.error(`expert index: writing the snapshot of tenant ${tenantId} failed`, error);
      })
      .finally(() => this.writing.delete(tenantId));
    this.writing.set(tenantId, done);
    return done;
  }
}
