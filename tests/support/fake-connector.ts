import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { TEAMS_CONVERSATION_WINDOWS, tenantWindows, windowViolations } from '../../bot/src/domain/delivery/rate-windows';
import type { RateWindow } from '../../bot/src/domain/delivery/rate-windows';

export interface SentActivity {
  readonly conversationId: string;
  readonly replyToId?: string;
  readonly method: 'POST' | 'PUT';
  readonly activity: {
    readonly type?: string;
    readonly text?: string;
    readonly attachments?: readonly { readonly contentType: string; readonly content: unknown }[];
    readonly [key: string]: unknown;
  };
}

/** One request the connector answered, failed ones included. */
export interface ConnectorRequest {
  readonly method: string;
  readonly path: string;
  /** The conversation it went to, without a thread's `;messageid=…`. */
  readonly conversationId?: string;
  readonly status: number;
  readonly at: number;
}

/** An answer forced onto a request instead of the normal one. */
export interface InjectedFault {
  readonly status: number;
  /** `Retry-After` header value: seconds or an HTTP date. */
  readonly retryAfter?: string;
}

/** A `TeamsChannelAccount` as the roster calls answer it. */
export interface RosterMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId?: string;
  readonly userRole?: string;
  readonly tenantId?: string;
}

export interface FakeConnectorOptions {
  /** Per-conversation windows to check (default: Teams'). */
  readonly conversationWindows?: readonly RateWindow[];
  /** The per-tenant (here: all traffic) window to check; default 30 a second. */
  readonly tenantPerSecond?: number;
}

export interface FakeConnector {
  readonly serviceUrl: string;
  readonly sent: SentActivity[];
  /** Every request to `/v3/conversations…`, in arrival order, with its answer. */
  readonly requests: ConnectorRequest[];
  /** Channels per team for `GET /v3/teams/{id}/conversations`; a team not listed answers 404 (as when the call is refused). */
  readonly channels: Map<string, { id: string; name?: string }[]>;
  /**
   * Team rosters for `GET /v3/conversations/{teamId}/pagedmembers` (paged by `pageSize`, with a
   * continuation token) and `…/members/{id}`; a team not listed answers 404.
   */
  readonly rosters: Map<string, RosterMember[]>;
  /** Answers the next requests (in order) with these faults. */
  failNext(...faults: InjectedFault[]): void;
  /** Decides per request whether to fail it; undefined answers normally. Replaces any earlier rule. */
  failWhen(rule: ((request: { readonly method: string; readonly conversationId?: string }) => InjectedFault | undefined) | undefined): void;
  /** Holds every answer to a posted activity (Teams being slow) until `release()`; `held()` counts those waiting. */
  holdReplies(): { held(): number; release(): void };
  /** Every Teams rate window exceeded so far; tests assert this is empty. */
  violations(): string[];
  /** Resolves once `count` activities have arrived (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<SentActivity[]>;
  close(): Promise<void>;
}

/**
 * A local stand-in for Teams' Bot Connector service, speaking its REST protocol
 * (`/v3/conversations…`); it records what the bot sends.
 */
export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const sent: SentActivity[] = [];
  const waiters: (() => void)[] = [];
  const requests: ConnectorRequest[] = [];
  const channels = new Map<string, { id: string; name?: string }[]>();
  const rosters = new Map<string, RosterMember[]>();
  const queued: InjectedFault[] = [];
  let rule: ((request: { readonly method: string; readonly conversationId?: string }) => InjectedFault | undefined) | undefined;
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  // Every conversation call is logged with its arrival time (for the rate windows) and may be failed on purpose.
  app.use('/v3/conversations', (req: Request, res, next) => {
    const raw = req.path.split('/')[1];
    const conversationId = raw ? decodeURIComponent(raw).split(';')[0] : undefined;
    const entry = { method: req.method, path: req.path, ...(conversationId ? { conversationId } : {}), at: Date.now() };
    const fault = queued.shift() ?? rule?.(entry);
    if (fault) {
      requests.push({ ...entry, status: fault.status });
      if (fault.retryAfter !== undefined) res.setHeader('Retry-After', fault.retryAfter);
      res
        .status(fault.status)
        .json({ error: { code: fault.status === 429 ? 'TooManyRequests' : 'ServiceError', message: 'injected by the test' } });
      return;
    }
    res.on('finish', () => requests.push({ ...entry, status: res.statusCode }));
    next();
  });
  app.get('/v3/teams/:teamId/conversations', (req, res) => {
    const list = channels.get(decodeURIComponent(req.params.teamId));
    if (!list) {
      res.status(404).json({ error: { code: 'NotFound', message: 'no such team at the fake connector' } });
      return;
    }
    res.json({ conversations: list });
  });
  app.get('/v3/conversations/:teamId/pagedmembers', (req, res) => {
    const roster = rosters.get(decodeURIComponent(req.params.teamId));
    if (!roster) {
      res.status(404).json({ error: { code: 'NotFound', message: 'no roster for this team at the fake connector' } });
      return;
    }
    const pageSize = Math.max(1, Math.min(500, Number(req.query['pageSize'] ?? 500) || 500));
    const from = typeof req.query['continuationToken'] === 'string' ? Number(req.query['continuationToken']) : 0;
    const members = roster.slice(from, from + pageSize);
    res.json({ members, ...(from + pageSize < roster.length ? { continuationToken: String(from + pageSize) } : {}) });
  });
  app.get('/v3/conversations/:teamId/members/:memberId', (req, res) => {
    const member = rosters.get(decodeURIComponent(req.params.teamId))?.find((m) => m.id === decodeURIComponent(req.params.memberId));
    if (!member) {
      res.status(404).json({ error: { code: 'MemberNotFoundInConversation', message: 'no such member at the fake connector' } });
      return;
    }
    res.json(member);
  });
  let gate: { waiting: number; open: Promise<void>; release: () => void } | undefined;
  // Before the routes that answer posted activities: a held request waits here, already recorded as arrived.
  app.post(
    ['/v3/conversations/:conversationId/activities', '/v3/conversations/:conversationId/activities/:activityId'],
    (_req, _res, next) => {
      const current = gate;
      if (!current) return next();
      current.waiting += 1;
      void current.open.then(() => {
        current.waiting -= 1;
        next();
      });
    },
  );
  const record = (entry: SentActivity) => {
    sent.push(entry);
    waiters.splice(0).forEach((w) => w());
  };
  app.post('/v3/conversations', (_req, res) => {
    res.status(201).json({ id: `conv-${randomUUID()}`, activityId: randomUUID() });
  });
  app.post('/v3/conversations/:conversationId/activities', (req, res) => {
    record({ conversationId: decodeURIComponent(req.params.conversationId), method: 'POST', activity: req.body });
    res.status(201).json({ id: randomUUID() });
  });
  app.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record({
      conversationId: decodeURIComponent(req.params.conversationId),
      replyToId: decodeURIComponent(req.params.activityId),
      method: 'POST',
      activity: req.body,
    });
    res.status(201).json({ id: randomUUID() });
  });
  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record({
      conversationId: decodeURIComponent(req.params.conversationId),
      replyToId: decodeURIComponent(req.params.activityId),
      method: 'PUT',
      activity: req.body,
    });
    res.status(200).json({ id: decodeURIComponent(req.params.activityId) });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    requests,
    channels,
    rosters,
    failNext: (...faults) => void queued.push(...faults),
    failWhen: (next) => {
      rule = next;
    },
    holdReplies() {
      let release: () => void = () => undefined;
      const open = new Promise<void>((resolve) => (release = resolve));
      const current = { waiting: 0, open, release };
      gate = current;
      return {
        held: () => current.waiting,
        release: () => {
          if (gate === current) gate = undefined;
          current.release();
        },
      };
    },
    violations() {
      const byConversation = new Map<string, number[]>();
      for (const r of requests) {
        if (r.conversationId === undefined) continue;
        const list = byConversation.get(r.conversationId) ?? [];
        list.push(r.at);
        byConversation.set(r.conversationId, list);
      }
      const problems: string[] = [];
      for (const [conversationId, times] of byConversation) {
        for (const p of windowViolations(times, options.conversationWindows ?? TEAMS_CONVERSATION_WINDOWS))
          problems.push(`${conversationId}: ${p}`);
      }
      const all = requests.map((r) => r.at).sort((a, b) => a - b);
      for (const p of windowViolations(all, tenantWindows(options.tenantPerSecond ?? 30))) problems.push(`tenant: ${p}`);
      return problems;
    },
    async waitFor(count, ms = 20_000) {
      const deadline = Date.now() + ms;
      while (sent.length < count) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} activities at the fake connector, got ${sent.length}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return sent.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
