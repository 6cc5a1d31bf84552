import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** One telemetry item as Application Insights' ingestion receives it (an "envelope"). */
export interface Envelope {
  readonly name: string;
  readonly iKey?: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly data?: { readonly baseType?: string; readonly baseData?: Readonly<Record<string, unknown>> };
}

export interface FakeAppInsights {
  /** `InstrumentationKey=…;IngestionEndpoint=<this server>;LiveEndpoint=<this server>`. */
  readonly connectionString: string;
  /** Every envelope received on POST /v2.1/track, in order. */
  readonly envelopes: Envelope[];
  /** Paths of every request received (track, live metrics, anything else). */
  readonly paths: string[];
  /**
   * The stub's self-signed certificate: give it to the service as NODE_EXTRA_CA_CERTS (the Azure
   * Monitor exporter sends only over https, whatever the connection string says).
   */
  readonly certificateFile: string;
  close(): Promise<void>;
}

const INSTRUMENTATION_KEY = '00000000-0000-4000-8000-00000000a1a1';

/**
 * Application Insights' ingestion endpoint on loopback (https), speaking its protocol: POST /v2.1/track with
 * a JSON array (or JSON lines) of envelopes, gzip-encoded or not, answered with
 * `{ itemsReceived, itemsAccepted, errors: [] }`. Anything else (live metrics, statsbeat) gets 200 `{}`.
 */
export async function startFakeAppInsights(): Promise<FakeAppInsights> {
  const envelopes: Envelope[] = [];
  const paths: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'fake-app-insights-'));
  const certificateFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  // A certificate for this run only, valid for 127.0.0.1.
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'].concat([
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      keyFile,
      '-out',
      certificateFile,
    ]),
    { stdio: 'ignore' },
  );
  const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certificateFile) }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      paths.push(path);
      res.setHeader('content-type', 'application/json');
      if (req.method !== 'POST' || path !== '/v2.1/track') {
        res.end('{}');
        return;
      }
      const raw = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8').trim();
      const items = (text.startsWith('[') ? JSON.parse(text) : text.split('\n').map((line) => JSON.parse(line) as unknown)) as Envelope[];
      envelopes.push(...items);
      res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    connectionString: `InstrumentationKey=${INSTRUMENTATION_KEY};IngestionEndpoint=${url};LiveEndpoint=${url}`,
    envelopes,
    paths,
    certificateFile,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }).finally(() => rmSync(dir, { recursive: true, force: true })),
  };
}
