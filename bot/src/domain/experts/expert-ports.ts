/** What expert search needs from storage beyond the shared repositories (implemented in storage/). */
import type { IndexLists } from './expert-index';

export interface Endorsement {
  readonly tenantId: string;
  /** The person whose skill is endorsed. */
  readonly userId: string;
  /** Canonical skill name. */
  readonly skill: string;
  readonly endorserId: string;
  readonly endorsedAt: string;
}

export interface EndorsementRepository {
  /** Idempotent: true when this endorser had not endorsed this skill of this person before. */
  add(endorsement: Endorsement): Promise<boolean>;
  /** Bulk import (seeding a large organisation): written in transactions, the people announced once. */
  addMany(endorsements: readonly Endorsement[]): Promise<void>;
  listForPerson(tenantId: string, userId: string): Promise<Endorsement[]>;
  listForTenant(tenantId: string): Promise<Endorsement[]>;
}

/** "These profiles of this tenant changed": a row of the change feed every instance polls. */
export interface ProfileChange {
  readonly id: string;
  readonly tenantId: string;
  readonly userIds: readonly string[];
  /** People erased (DESIGN F13), as erasure keys (see domain/privacy/erasure-key.ts), never as ids: every index drops them. */
  readonly erased?: readonly string[];
  /** Writer's clock, ms since the epoch (also the start of the row key). */
  readonly at: number;
}

export interface ProfileChangeFeed {
  record(tenantId: string, userIds: readonly string[]): Promise<void>;
  /** Announces an erased person by their erasure key (no id), with the others whose entries changed with it. */
  recordErasure(tenantId: string, erasureKey: string, changedUserIds: readonly string[]): Promise<void>;
  /** Changes of one tenant written at or after `fromMs` (by the writer's clock), oldest first. */
  since(tenantId: string, fromMs: number): Promise<ProfileChange[]>;
  /** Every tenant that ever recorded a change: the tenants to warm at start. */
  tenants(): Promise<string[]>;
  /** Deletes one tenant's changes older than `beforeMs`; returns how many. */
  prune(tenantId: string, beforeMs: number): Promise<number>;
}

/**
 * A tenant's expert index as it stood at one point of the change feed (docs/EXPERT-SEARCH.md, "Snapshot"):
 * loading it and reading the feed from `cursorMs` (skipping `seen`) gives the index of now, without
 * reading every profile.
 */
export interface IndexSnapshot {
  readonly tenantId: string;
  /** Every change written at or after this moment that is not in `seen` may be missing from the lists. */
  readonly cursorMs: number;
  /** Change ids (with their time) at or after `cursorMs` already in the lists. */
  readonly seen: readonly (readonly [string, number])[];
  readonly lists: IndexLists;
}

export interface IndexSnapshotStore {
  /** The tenant's current snapshot; undefined when there is none, its format is unknown, or it cannot be read whole. */
  read(tenantId: string): Promise<IndexSnapshot | undefined>;
  /**
   * Writes the snapshot as a new generation and makes it current under the head row's ETag; `written` is
   * false when another writer made theirs current meanwhile (theirs stays, whole).
   */
  write(snapshot: IndexSnapshot): Promise<{ readonly written: boolean; readonly bytes: number }>;
}
