import express from 'express';
import type { ErrorRequestHandler, Express, Request, RequestHandler, Response, Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { StorageUnavailableError } from '../domain/shared/storage-errors';
import type { ApiError } from './contract';
import { HttpError } from './shared/http-error';

interface HttpLogger {
  error(message: string, detail?: unknown): void;
  info(message: string): void;
}

interface HttpAppDependencies {
  readonly botEndpoint: (req: Request, res: Response) => Promise<void>;
  readonly apiRouter: Router;
  /** Present in dev auth mode only. */
  readonly devRouter?: Router;
  /** Resolves when storage answers; rejects with the reason otherwise. */
  readonly checkStorage: () => Promise<void>;
  readonly tabDir: string;
  readonly log: HttpLogger;
  readonly logRequests: boolean;
}

// Teams (web, desktop, mobile) and the Microsoft 365 hosts must be allowed to frame the tab.
const FRAME_ANCESTORS =
  "frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com https://*.microsoft365.com https://*.skype.com";

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
  app.set('trust proxy', true);

  if (deps.logRequests) {
    app.use((req, res, next) => {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        deps.log.info(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)} ms`);
      });
      next();
    });
  }

  app.get('/healthz', async (_req, res) => {
    try {
      await withTimeout(deps.checkStorage(), 5_000, 'storage');
      res.json({ status: 'ok', storage: 'ok' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      res.status(503).json({ status: 'error', storage: `unreachable: ${reason}` });
    }
  });

  const botEndpoint: RequestHandler = (req, res, next) => {
    deps.botEndpoint(req, res).catch(next);
  };
  app.post('/api/messages', express.json({ limit: '256kb' }), botEndpoint);
  app.all('/api/messages', (_req, res) => apiError(res, 405, 'method_not_allowed', 'The bot endpoint takes POST only.'));

  if (deps.devRouter) app.use('/dev', express.json({ limit: '16kb' }), deps.devRouter);
  app.use('/api/v1', express.json({ limit: '100kb' }), deps.apiRouter);
  app.use(['/api', '/dev'], (req, res) => apiError(res, 404, 'not_found', `No such endpoint: ${req.method} ${req.path}`));

  const tabDir = path.resolve(deps.tabDir);
  const indexHtml = path.join(tabDir, 'index.html');
  app.use(
    express.static(tabDir, {
      index: false,
      setHeaders: (res, file) => {
        // Hashed assets never change; the HTML must always be fresh.
        if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  // The tab is a single-page app: its routes (/, /config, /session/…) all get index.html.
  app.get(/^\/(?!api\/|dev\/|healthz).*/, (_req, res) => {
    if (!existsSync(indexHtml)) {
      apiError(res, 503, 'tab_not_built', 'The tab is not built yet: run "npm run build" (npm start does it for you).');
      return;
    }
    res.setHeader('Content-Security-Policy', FRAME_ANCESTORS);
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
      deps.log.error(`storage unavailable on ${req.method} ${req.path}`, error.message);
      return apiError(res, 503, 'storage_unavailable', 'PeerLearn cannot reach its storage right now. Please try again in a moment.');
    }
    deps.log.error(`unhandled error on ${req.method} ${req.path}`, error);
    apiError(res, 500, 'internal_error', 'Something went wrong on our side. Please try again.');
  };
  app.use(onError);
  return app;
}
