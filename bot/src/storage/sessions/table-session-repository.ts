import type { OpenSessionRef, SessionRepository } from '../../domain/shared/repositories';
import type { LearningSession, SessionTiming } from '../../domain/sessions/session';
import { odata } from '@azure/data-tables';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import { retryOnConflict } from '../shared/etag-retry';
import { sessionKey, sessionsPartition } from '../shared/keys';
import {
  SESSION_TIMING_COLUMNS,
  sessionFromEntity,
  sessionTimingFromEntity,
  sessionToEntity,
  storedSessionFromEntity,
} from './session-mapper';
import { statusOf } from '../shared/storage-errors';
import { indexBefore, listOpenIndex, openIndexEntity, unindexAfter } from './open-session-index';
import type { StorageTable } from '../shared/storage-table';

export class TableSessionRepository implements SessionRepository {
  constructor(
    private readonly table: StorageTable,
    private readonly retry: ConflictRetryPolicy,
  ) {}

  async get(tenantId: string, teamId: string, sessionId: string): Promise<LearningSession | undefined> {
    const entity = await this.table.get(sessionKey(tenantId, teamId, sessionId));
    return entity && sessionFromEntity(entity);
  }

  async create(session: LearningSession): Promise<void> {
    await indexBefore(this.table, session);
    try {
      await this.table.create(sessionToEntity(session, 0));
    } catch (error) {
      if (statusOf(error) === 409) {
        throw new Error(`Session ${session.sessionId} already exists in team ${session.teamId}`, { cause: error });
      }
      throw error;
    }
  }

  /** Bulk import and seeding; rows are replaced whole, counts included. */
  async putMany(sessions: readonly LearningSession[]): Promise<void> {
    const open = sessions.filter((s) => s.openToOrganisation && s.status === 'scheduled');
    if (open.length > 0) await this.table.putMany(open.map(openIndexEntity));
    await this.table.putMany(sessions.map((s) => sessionToEntity(s, 0)));
  }

  /**
   * Read → change → write under the row's ETag. The counts belong to RsvpRepository.respond, so the
   * stored counts are kept whatever `change` returns. Returns undefined for a missing session and the
   * current session when `change` leaves it alone.
   */
  async update(
    tenantId: string,
    teamId: string,
    sessionId: string,
    change: (current: LearningSession) => LearningSession | undefined,
  ): Promise<LearningSession | undefined> {
    const key = sessionKey(tenantId, teamId, sessionId);
    return retryOnConflict(`Updating session ${sessionId}`, this.retry, async () => {
      const entity = await this.table.get(key);
      if (!entity) return undefined;
      const stored = storedSessionFromEntity(entity);
      const changed = change(stored.session);
      if (!changed) return stored.session;
      if (changed.tenantId !== tenantId || changed.teamId !== teamId || changed.sessionId !== sessionId) {
        throw new Error(`SessionRepository.update: change() may not move session ${sessionId} to other keys`);
      }
      const next: LearningSession = { ...changed, counts: stored.session.counts };
      await indexBefore(this.table, next);
      await this.table.replace(sessionToEntity(next, stored.tallyVersion), entity.etag);
      await unindexAfter(this.table, stored.session, next);
      return next;
    });
  }

  async listForTeam(tenantId: string, teamId: string): Promise<LearningSession[]> {
    return (await this.table.listPartition(sessionsPartition(tenantId, teamId))).map(sessionFromEntity);
  }

  // `startsAt` is always written by `Date.toISOString()`, so string order is time order.
  async listForTeamStartingFrom(tenantId: string, teamId: string, fromIso: string): Promise<LearningSession[]> {
    const rows = await this.table.listPartitionWhere(sessionsPartition(tenantId, teamId), odata`startsAt ge ${fromIso}`);
    return rows.map(sessionFromEntity);
  }

  async listTimingsStartingFrom(tenantId: string, teamId: string, fromIso: string): Promise<SessionTiming[]> {
    const rows = await this.table.listPartitionWhere(
      sessionsPartition(tenantId, teamId),
      odata`startsAt ge ${fromIso}`,
      SESSION_TIMING_COLUMNS,
    );
    return rows.map(sessionTimingFromEntity);
  }

  async listForTeamStartingBetween(tenantId: string, teamId: string, fromIso: string, toIso: string): Promise<LearningSession[]> {
    const rows = await this.table.listPartitionWhere(
      sessionsPartition(tenantId, teamId),
      odata`startsAt ge ${fromIso} and startsAt le ${toIso}`,
    );
    return rows.map(sessionFromEntity);
  }

  async listOpenToOrganisation(tenantId: string, fromIso: string): Promise<OpenSessionRef[]> {
    return listOpenIndex(this.table, tenantId, fromIso);
  }

  async hasStartedBefore(tenantId: string, teamId: string, beforeIso: string): Promise<boolean> {
    return this.table.anyInPartitionWhere(sessionsPartition(tenantId, teamId), odata`startsAt lt ${beforeIso}`);
  }
}
