import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { Router } from 'express';
import { createHttpApp } from '../../bot/src/api/http-app';
import { quietLogger } from './service';

type HttpAppDependencies = Parameters<typeof createHttpApp>[0];

export interface ListeningHttpApp {
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly base: string;
  /** Closes the server, cutting any connection still open. */
  close(): Promise<void>;
}

/**
 * The service's one HTTP app (`createHttpApp`) on a free local port, with nothing behind it: a bot endpoint
 * that answers 200, no API routes, storage that answers, a warm expert search, no tab. A test names only
 * what it is about.
 */
export async function listenHttpApp(overrides: Partial<HttpAppDependencies> = {}): Promise<ListeningHttpApp> {
  const app = createHttpApp({
    botEndpoint: async (_req, res) => {
      res.status(200).end();
    },
    apiRouter: Router(),
    checkStorage: () => Promise.resolve(),
    searchReady: () => true,
    tabDir: 'does-not-exist',
    log: quietLogger,
    logRequests: false,
    trustProxy: false,
    maxConcurrent: { api: 4, bot: 4 },
    ...overrides,
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A bare TCP connection to a local port: for requests written by hand (pipelined on one connection), and all it received. */
export function rawConnection(port: number): { socket: Socket; received: () => string; ended: Promise<void> } {
  const socket = connect(port, '127.0.0.1');
  let text = '';
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => text, ended };
}
