import express from 'express';
import { nameRequestSpans } from './shared/route-span-name';
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response, Router } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../domain/shared/logger';
import { StorageUnavailableError } from '../domain/shared/storage-errors';
import type { ApiError } from './contract';
import { HttpError } from './shared/http-error';
import { concurrencyCap } from './shared/load-limits';
import { badPathParameter, jsonBodyOnly } from './shared/json-body-only';
import { IMMUTABLE, precompressedAssets } from './shared/precompressed-assets';

interface HttpAppDependencies {
  readonly botEndpoint: (req: Request, res: Response) => Promise<void>;
  readonly apiRouter: Router;
  /** Present in dev auth mode only. */
  readonly devRouter?: Router;
  /** Resolves when storage answers; rejects with the reason otherwise. */
  readonly checkStorage: () => Promise<void>;
  /** Whether the expert search answers from an index yet (`ExpertDirectory.searchable`); `/readyz` waits for it. */
  readonly searchReady: () => boolean;
  readonly tabDir: string;
  readonly log: Logger;
  /** One line per request: method, path without its query, status, time, request id. */
  readonly logRequests: boolean;
  /** Express's `trust proxy` as configured (TRUST_PROXY): off unless the proxies in front are named. */
  readonly trustProxy: false | number | readonly string[];
  /** Requests in flight at once (API_MAX_CONCURRENT, BOT_MAX_CONCURRENT); past them, 503 with Retry-After at once. */
  readonly maxConcurrent: { readonly api: number; readonly bot: number };
}

/**
 * The tab's policy. Scripts only from its own origin (vite emits no inline script); styles inline too,
 * since Fluent UI's griffel writes style tags and index.html carries one; teams-js fetches its list of
 * valid host origins from res.cdn.office.net (without it, it falls back to its built-in list). Teams
 * (web, desktop, mobile) and the Microsoft 365 hosts may frame it.
 */
const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com",
].join('; ');
/** Everything else (JSON, the `.ics`, assets) is never a document: it may load nothing and be framed by no one. */
const NON_DOCUMENT_CSP = "default-src 'none'; frame-ancestors 'none'";

function apiError(res: Response, status: number, code: string, message: string): void {
  const body: ApiError = { error: { code, message } };
  res.status(status).json(body);
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The one HTTP server: bot, tab API, dev issuer, health, and the built tab. */
export function createHttpApp(deps: HttpAppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', typeof deps.trustProxy === 'object' ? [...deps.trustProxy] : deps.trustProxy);
  app.use(nameRequestSpans());

  app.use((req, res, next) => {
    const requestId = randomUUID();
    res.setHeader('X-Request-Id', requestId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Links to tips and meetings leave the tab: the tab's paths (team and session ids) stay behind.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Content-Security-Policy', NON_DOCUMENT_CSP);
    // API answers are personal; the tab's HTML and assets set their own caching below.
    res.setHeader('Cache-Control', 'no-store');
    if (deps.logRequests) {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        // The path only: query strings carry the .ics link's token and search terms.
        const path = req.originalUrl.split('?')[0] ?? '';
        const activityId = path === '/api/messages' ? (req.body as { id?: unknown } | undefined)?.id : undefined;
        deps.log.info('request', {
          requestId,
          method: req.method,
          path,
          status: res.statusCode,
          ms: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          ...(typeof activityId === 'string' ? { activityId: activityId.slice(0, 200) } : {}),
        });
      });
    }
    deps.log.scope({ requestId }, next);
  });

  // Both probes say which part fails, never where it lives: the storage endpoint and the error stay in the log.
  const storageStatus = async (probe: string): Promise<'ok' | 'unavailable'> => {
    try {
      await withTimeout(deps.checkStorage(), 5_000, 'storage');
      return 'ok';
    } catch (error) {
      deps.log.warn(`${probe}: storage does not answer`, { reason: error instanceof Error ? error.message : String(error) });
      return 'unavailable';
    }
  };

  app.get('/healthz', async (_req, res) => {
    if ((await storageStatus('health check')) === 'ok') res.json({ status: 'ok', storage: 'ok' });
    else res.status(503).json({ status: 'unavailable', storage: 'unavailable', failing: ['storage'] });
  });

  // Ready for traffic: storage answers and so does the expert search, from an index. App Service's health
  // check pings this path, and a new instance (scale-out) joins the load balancer only once it says 200, so
  // nobody is sent to an instance whose searches would still answer "starting up". /healthz stays the
  // liveness check: storage only.
  app.get('/readyz', async (_req, res) => {
    const storage = await storageStatus('readiness check');
    const experts = deps.searchReady() ? 'ok' : 'warming';
    if (storage === 'ok' && experts === 'ok') {
      res.json({ status: 'ok', storage, experts });
      return;
    }
    const failing = [...(storage === 'ok' ? [] : ['storage']), ...(experts === 'ok' ? [] : ['experts'])];
    if (storage === 'ok') res.setHeader('Retry-After', '5');
    res.status(503).json({ status: storage === 'ok' ? 'starting' : 'unavailable', storage, experts, failing });
  });

  const botEndpoint: RequestHandler = (req, res, next) => {
    deps.botEndpoint(req, res).catch(next);
  };
  // Each has its own cap: a flood of tab requests never takes the bot's turn, nor the other way round.
  app.post(
    '/api/messages',
    concurrencyCap('bot', deps.maxConcurrent.bot, deps.log),
    jsonBodyOnly(),
    express.json({ limit: '256kb' }),
    botEndpoint,
  );
  app.all('/api/messages', (_req, res) => apiError(res, 405, 'method_not_allowed', 'The bot endpoint takes POST only.'));

  if (deps.devRouter) app.use('/dev', express.json({ limit: '16kb' }), deps.devRouter);
  app.use(
    '/api/v1',
    concurrencyCap('api', deps.maxConcurrent.api, deps.log),
    jsonBodyOnly(),
    express.json({ limit: '100kb' }),
    deps.apiRouter,
  );
  app.use('/api/v1', badPathParameter);
  app.use(['/api', '/dev'], (req, res) => apiError(res, 404, 'not_found', `No such endpoint: ${req.method} ${req.path}`));

  const tabDir = path.resolve(deps.tabDir);
  const indexHtml = path.join(tabDir, 'index.html');
  app.use('/assets', precompressedAssets(path.join(tabDir, 'assets')));
  app.use(
    express.static(tabDir, {
      index: false,
      setHeaders: (res, file) => {
        // Hashed assets never change; the HTML must always be fresh.
        if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', IMMUTABLE);
      },
    }),
  );
  // The tab is a single-page app: its routes (/, /config, /session/…) all get index.html. A missing
  // asset is a 404, not the page: a tab still open across a deploy asks for chunks that are gone, and
  // HTML in place of a script fails with an error no one can read.
  app.get(/^\/(?!api\/|dev\/|(?:healthz|readyz)(?:\/|$)|assets\/).*/, (_req, res) => {
    if (!existsSync(indexHtml)) {
      apiError(res, 503, 'tab_not_built', 'The tab is not built yet: run "npm run build" (npm start does it for you).');
      return;
    }
    res.setHeader('Content-Security-Policy', TAB_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
  app.use((req, res) => apiError(res, 404, 'not_found', `No such endpoint: ${req.method} ${req.path}`));

  const onError: ErrorRequestHandler = (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const type = (error as { type?: unknown }).type;
    if (error instanceof HttpError) return apiError(res, error.status, error.code, error.message);
    if (type === 'entity.parse.failed') return apiError(res, 400, 'invalid_json', 'The request body is not valid JSON.');
    if (type === 'entity.too.large') return apiError(res, 413, 'payload_too_large', 'The request body is too large.');
    if (type === 'encoding.unsupported' || type === 'charset.unsupported')
      return apiError(res, 415, 'unsupported_encoding', 'The request body encoding is not supported.');
    if (error instanceof StorageUnavailableError) {
      deps.log.error('storage unavailable', error.message, { method: req.method, path: req.path });
      return apiError(res, 503, 'storage_unavailable', 'PeerLearn cannot reach its storage right now. Please try again in a moment.');
    }
    deps.log.error('unhandled error', error, { method: req.method, path: req.path });
    apiError(res, 500, 'internal_error', 'Something went wrong on our side. Please try again.');
  };
  app.use(onError);
  return app;
}
