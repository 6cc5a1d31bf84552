import type { TransactionAction } from '@azure/data-tables';
import { planVote, requestSkillKey } from '../../domain/requests/learning-request';
import type { LearningRequest, LearningRequestVote } from '../../domain/requests/learning-request';
import { NotFoundError } from '../../domain/shared/repositories';
import type { LearningRequestRepository, TeamLearningRequests } from '../../domain/shared/repositories';
import { retryOnConflict } from '../shared/etag-retry';
import type { ConflictRetryPolicy } from '../shared/etag-retry';
import {
  LEARNING_REQUEST_ROWS,
  LEARNING_REQUEST_VOTE_ROWS,
  learningRequestKey,
  learningRequestsPartition,
  learningRequestVoteKey,
  openSkillRequestKey,
} from '../shared/keys';
import type { EntityKey } from '../shared/keys';
import {
  learningRequestFromEntity,
  learningRequestToEntity,
  markerFromEntity,
  markerToEntity,
  voteFromEntity,
  voteToEntity,
} from './learning-request-mapper';
import type { StorageTable } from '../shared/storage-table';

const inRange = (rowKey: string | undefined, range: { readonly from: string; readonly to: string }): boolean =>
  rowKey !== undefined && rowKey >= range.from && rowKey < range.to;

/**
 * A team's requests, their votes and the "open request of this skill" markers share one partition,
 * so every change that must stay consistent is one entity-group transaction:
 *  - create: marker + request + the author's vote (a second open request for the skill fails on the marker);
 *  - vote / un-vote: the vote row + the request's count, under the request's ETag (no lost +1s);
 *  - take / close: the request + dropping the marker, under the request's ETag.
 */
export class TableLearningRequestRepository implements LearningRequestRepository {
  constructor(
    private readonly table: StorageTable,
    private readonly retry: ConflictRetryPolicy,
  ) {}

  async get(tenantId: string, teamId: string, requestId: string): Promise<LearningRequest | undefined> {
    const entity = await this.table.get(learningRequestKey(tenantId, teamId, requestId));
    return entity && learningRequestFromEntity(entity);
  }

  async listForTeam(tenantId: string, teamId: string): Promise<TeamLearningRequests> {
    const rows = await this.table.listPartition(learningRequestsPartition(tenantId, teamId));
    return {
      requests: rows.filter((r) => inRange(r.rowKey, LEARNING_REQUEST_ROWS)).map(learningRequestFromEntity),
      votes: rows.filter((r) => inRange(r.rowKey, LEARNING_REQUEST_VOTE_ROWS)).map(voteFromEntity),
    };
  }

  async hasVoted(tenantId: string, teamId: string, requestId: string, userId: string): Promise<boolean> {
    return (await this.table.get(learningRequestVoteKey(tenantId, teamId, requestId, userId))) !== undefined;
  }

  async create(request: LearningRequest): Promise<{ created: boolean; request: LearningRequest }> {
    const { tenantId, teamId } = request;
    const skillKey = requestSkillKey(request.skill);
    const markerKey = openSkillRequestKey(tenantId, teamId, skillKey);
    return retryOnConflict(`Creating a learning request for ${request.skill} in team ${teamId}`, this.retry, async () => {
      const marker = await this.table.get(markerKey);
      if (marker) {
        const existing = await this.get(tenantId, teamId, markerFromEntity(marker).requestId);
        if (existing?.status === 'open') return { created: false, request: existing };
      }
      const authorVote: LearningRequestVote = {
        tenantId,
        teamId,
        requestId: request.requestId,
        userId: request.authorUserId,
        votedAt: request.createdAt,
      };
      const stored: LearningRequest = { ...request, status: 'open', votes: 1 };
      const markerRow = markerToEntity({ tenantId, teamId, skillKey, requestId: request.requestId });
      // A 409 or 412 here means someone created the skill's request first: the retry finds their marker.
      // A marker of a request that is no longer open (a hand-edited or half-imported row) is taken over under its ETag.
      await this.table.transaction([
        marker ? ['update', markerRow, 'Replace', { etag: marker.etag }] : ['create', markerRow],
        ['create', learningRequestToEntity(stored)],
        ['create', voteToEntity(authorVote)],
      ]);
      return { created: true, request: stored };
    });
  }

  async vote(
    tenantId: string,
    teamId: string,
    requestId: string,
    userId: string,
    wants: boolean,
    now: Date,
  ): Promise<{ request: LearningRequest; voted: boolean }> {
    const voteKey = learningRequestVoteKey(tenantId, teamId, requestId, userId);
    return retryOnConflict(`Vote of ${userId} on learning request ${requestId}`, this.retry, async () => {
      const [requestEntity, voteEntity] = await Promise.all([
        this.table.get(learningRequestKey(tenantId, teamId, requestId)),
        this.table.get(voteKey),
      ]);
      if (!requestEntity) throw new NotFoundError(`No learning request ${requestId} in team ${teamId}`);
      const request = learningRequestFromEntity(requestEntity);
      const hasVoted = voteEntity !== undefined;
      if (request.status !== 'open') return { request, voted: hasVoted };
      const plan = planVote(request, userId, hasVoted, wants);
      if (!plan) return { request, voted: hasVoted };
      const next: LearningRequest = { ...request, votes: plan.votes, updatedAt: now.toISOString() };
      // A transaction's delete has no ETag of its own; the request row's ETag guards the whole change.
      const voteAction: TransactionAction = voteEntity
        ? ['delete', voteToEntity(voteFromEntity(voteEntity))]
        : ['create', voteToEntity({ tenantId, teamId, requestId, userId, votedAt: now.toISOString() })];
      await this.table.transaction([['update', learningRequestToEntity(next), 'Replace', { etag: requestEntity.etag }], voteAction]);
      return { request: next, voted: wants };
    });
  }

  async update(
    tenantId: string,
    teamId: string,
    requestId: string,
    change: (current: LearningRequest) => LearningRequest | undefined,
  ): Promise<LearningRequest | undefined> {
    return retryOnConflict(`Updating learning request ${requestId}`, this.retry, async () => {
      const entity = await this.table.get(learningRequestKey(tenantId, teamId, requestId));
      if (!entity) return undefined;
      const current = learningRequestFromEntity(entity);
      const next = change(current);
      if (!next) return current;
      const markerKey = openSkillRequestKey(tenantId, teamId, requestSkillKey(current.skill));
      if (current.status !== 'open' && next.status === 'open') return this.reopen(next, entity.etag, markerKey);
      const actions: TransactionAction[] = [['update', learningRequestToEntity(next), 'Replace', { etag: entity.etag }]];
      if (current.status === 'open' && next.status !== 'open') {
        // No longer open: the skill is free for a new request.
        const marker = await this.table.get(markerKey);
        if (marker && markerFromEntity(marker).requestId === requestId) actions.push(['delete', markerToEntity(markerFromEntity(marker))]);
      }
      await this.table.transaction(actions);
      return next;
    });
  }

  /**
   * Open again (handed back, or its session cancelled): it takes the skill's marker back, in the same
   * transaction. When someone asked for the skill again meanwhile, that request is the open one and
   * this one closes instead, so a team never has two open requests for one skill.
   */
  private async reopen(next: LearningRequest, etag: string, markerKey: EntityKey): Promise<LearningRequest> {
    const marker = await this.table.get(markerKey);
    if (marker) {
      const holder = await this.get(next.tenantId, next.teamId, markerFromEntity(marker).requestId);
      if (holder?.status === 'open' && holder.requestId !== next.requestId) {
        const closed: LearningRequest = { ...next, status: 'closed' };
        await this.table.transaction([['update', learningRequestToEntity(closed), 'Replace', { etag }]]);
        return closed;
      }
    }
    const markerRow = markerToEntity({
      tenantId: next.tenantId,
      teamId: next.teamId,
      skillKey: requestSkillKey(next.skill),
      requestId: next.requestId,
    });
    await this.table.transaction([
      ['update', learningRequestToEntity(next), 'Replace', { etag }],
      marker ? ['update', markerRow, 'Replace', { etag: marker.etag }] : ['create', markerRow],
    ]);
    return next;
  }

  async putMany(requests: readonly LearningRequest[], votes: readonly LearningRequestVote[]): Promise<void> {
    const markers = requests
      .filter((r) => r.status === 'open')
      .map((r) => markerToEntity({ tenantId: r.tenantId, teamId: r.teamId, skillKey: requestSkillKey(r.skill), requestId: r.requestId }));
    await this.table.putMany([...requests.map(learningRequestToEntity), ...votes.map(voteToEntity), ...markers]);
  }
}
