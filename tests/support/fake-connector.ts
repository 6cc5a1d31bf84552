import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

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

export interface FakeConnector {
  readonly serviceUrl: string;
  readonly sent: SentActivity[];
  /** Resolves once `count` activities have arrived (or rejects after `ms`). */
  waitFor(count: number, ms?: number): Promise<SentActivity[]>;
  close(): Promise<void>;
}

/**
 * A local stand-in for Teams' Bot Connector service, speaking its REST protocol
 * (`/v3/conversations…`); it records what the bot sends.
 */
export async function startFakeConnector(): Promise<FakeConnector> {
  const sent: SentActivity[] = [];
  const waiters: (() => void)[] = [];
  const app = express();
  app.use(express.json({ limit: '1mb' }));
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
    record({ conversationId: decodeURIComponent(req.params.conversationId), replyToId: decodeURIComponent(req.params.activityId), method: 'POST', activity: req.body });
    res.status(201).json({ id: randomUUID() });
  });
  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    record({ conversationId: decodeURIComponent(req.params.conversationId), replyToId: decodeURIComponent(req.params.activityId), method: 'PUT', activity: req.body });
    res.status(200).json({ id: decodeURIComponent(req.params.activityId) });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    async waitFor(count, ms = 5_000) {
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
