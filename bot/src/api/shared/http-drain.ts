import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

interface HttpDrain {
  /** The server's request listener: the app, behind the drain's own answers. */
  readonly listener: RequestListener;
  /** Requests received and not yet answered (or abandoned by their client). */
  inFlight(): number;
  /**
   * Stops the server: `/healthz` and `/readyz` answer 503 at once, the listener closes (new connections are
   * refused), idle keep-alive connections close, and every connection closes after the answer it
   * is waiting for. Requests in flight run on for up to `graceMs`; then the rest are cut off.
   * Resolves with how many were cut off.
   */
  close(server: Server, graceMs: number): Promise<number>;
}

/** Graceful shutdown for one HTTP server. */
export function createHttpDrain(app: RequestListener): HttpDrain {
  let draining = false;
  let inFlight = 0;
  let server: Server | undefined;

  const listener: RequestListener = (req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      // The connection this answer went out on is idle now: close it rather than wait for its keep-alive timeout.
      if (draining) setImmediate(() => server?.closeIdleConnections());
    });
    if (!draining) {
      app(req, res);
      return;
    }
    // A request that reached a connection already open: answered, then the connection closes.
    res.setHeader('Connection', 'close');
    // As Express routes it: any case, a trailing slash or not.
    const path = (req.url?.split('?')[0] ?? '').toLowerCase().replace(/\/$/, '');
    if (path === '/healthz' || path === '/readyz') {
      // Load balancers and proxies take this instance out of rotation.
      res.writeHead(503, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(JSON.stringify({ status: 'stopping', failing: ['shutdown'] }));
      return;
    }
    app(req, res);
  };

  return {
    listener,
    inFlight: () => inFlight,
    async close(target, graceMs) {
      server = target;
      draining = true;
      // Stops listening and closes the idle connections at once (Node ≥ 19); resolves when the last connection is gone.
      const closed = new Promise<void>((resolve) => target.close(() => resolve()));
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), graceMs);
      });
      const outcome = await Promise.race([closed, late]).finally(() => clearTimeout(timer));
      if (outcome !== 'late') return 0;
      const cut = inFlight;
      target.closeAllConnections();
      await closed;
      return cut;
    },
  };
}
