import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Router } from 'express';
import type { Request, Response } from 'express';
import type { ApiError } from '../../bot/src/api/contract';
import { eventually } from '../support/eventually';
import { listenHttpApp } from '../support/http-app';
import type { ListeningHttpApp } from '../support/http-app';

/** Requests parked inside a route until the test lets them go: saturation without timing. */
class Gate {
  private waiting: (() => void)[] = [];
  get held(): number {
    return this.waiting.length;
  }
  hold(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    for (const go of this.waiting.splice(0)) go();
  }
}

const API_CAP = 3;
const BOT_CAP = 2;
const apiGate = new Gate();
const botGate = new Gate();
let app: ListeningHttpApp;
let base = '';

beforeAll(async () => {
  const apiRouter = Router();
  apiRouter.get('/held', async (_req, res) => {
    await apiGate.hold();
    res.json({ ok: true });
  });
  apiRouter.get('/quick', (_req, res) => {
    res.json({ ok: true });
  });
  app = await listenHttpApp({
    botEndpoint: async (req: Request, res: Response) => {
      if ((req.body as { hold?: boolean }).hold) await botGate.hold();
      res.status(200).end();
    },
    apiRouter,
    maxConcurrent: { api: API_CAP, bot: BOT_CAP },
  });
  base = app.base;
});
afterAll(async () => {
  apiGate.release();
  botGate.release();
  await app.close();
});

const bot = (hold: boolean) =>
  fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hold }) });

describe('load shedding', () => {
  it('answers 503 with Retry-After at once past the API cap, while /healthz and the bot still answer', async () => {
    const held = Array.from({ length: API_CAP }, () => fetch(`${base}/api/v1/held`));
    await eventually(() => expect(apiGate.held).toBe(API_CAP));

    const shed = await fetch(`${base}/api/v1/quick`);
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(((await shed.json()) as ApiError).error.code).toBe('overloaded');

    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect((await bot(false)).status).toBe(200);

    apiGate.release();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual(Array(API_CAP).fill(200));
    // The slots are free again.
    expect((await fetch(`${base}/api/v1/quick`)).status).toBe(200);
  });

  it('gives the bot endpoint its own cap: a saturated bot sheds its own, the tab API still answers', async () => {
    const held = Array.from({ length: BOT_CAP }, () => bot(true));
    await eventually(() => expect(botGate.held).toBe(BOT_CAP));

    const shed = await bot(false);
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect((await fetch(`${base}/api/v1/quick`)).status).toBe(200);

    botGate.release();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual(Array(BOT_CAP).fill(200));
    expect((await bot(false)).status).toBe(200);
  });

  it('frees the slot of a client that goes away before its answer', async () => {
    const gone = Array.from({ length: API_CAP }, () => {
      const abort = new AbortController();
      return { abort, request: fetch(`${base}/api/v1/held`, { signal: abort.signal }).catch(() => undefined) };
    });
    await eventually(() => expect(apiGate.held).toBe(API_CAP));
    expect((await fetch(`${base}/api/v1/quick`)).status).toBe(503);
    for (const g of gone) g.abort.abort();
    await Promise.all(gone.map((g) => g.request));
    await eventually(async () => expect((await fetch(`${base}/api/v1/quick`)).status).toBe(200));
    apiGate.release();
  });
});
