import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listenHttpApp } from '../support/http-app';
import type { ListeningHttpApp } from '../support/http-app';

// Issue #16 item 4: the build writes .br and .gz beside each hashed asset (scripts/precompress-tab.mjs),
// and the service sends the best one the browser accepts, marked so caches keep them apart.
const tabDir = mkdtempSync(path.join(tmpdir(), 'peerlearn-precompressed-'));
const assets = path.join(tabDir, 'assets');
// Large and repetitive enough that both compressed copies are written.
const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "row ${i % 7}" }`).join(', ')}];\n`;
const tiny = 'export {};\n';
let app: ListeningHttpApp;
let port = 0;

interface RawAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** The bytes on the wire (fetch would decode them), with the headers asked for. */
function get(pathname: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(assets);
  writeFileSync(path.join(tabDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(assets, 'index-abc123.js'), script);
  writeFileSync(path.join(assets, 'tiny-def456.js'), tiny);
  execFileSync(process.execPath, ['scripts/precompress-tab.mjs', assets], { stdio: 'pipe' });
  app = await listenHttpApp({ tabDir });
  port = app.port;
});

afterAll(async () => {
  await app.close();
  rmSync(tabDir, { recursive: true, force: true });
});

describe('precompressed tab assets', () => {
  it('the build writes a brotli and a gzip copy of a script, and none of a tiny one', () => {
    expect(existsSync(path.join(assets, 'index-abc123.js.br'))).toBe(true);
    expect(existsSync(path.join(assets, 'index-abc123.js.gz'))).toBe(true);
    expect(existsSync(path.join(assets, 'tiny-def456.js.br'))).toBe(false);
  });

  it('sends brotli to a browser that accepts it, which decodes to the file, as JavaScript, cached for good', async () => {
    const answer = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(answer.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.body.length).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
  });

  it('sends gzip where brotli is not accepted (or refused with q=0)', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip', 'gzip;q=0.5, identity']) {
      const answer = await get('/assets/index-abc123.js', { 'accept-encoding': accept });
      expect({ accept, encoding: answer.headers['content-encoding'] }).toEqual({ accept, encoding: 'gzip' });
      expect(gunzipSync(answer.body).toString()).toBe(script);
    }
  });

  it('sends the plain file to a client that accepts neither, or says nothing, and for files with no copy', async () => {
    for (const headers of [{ 'accept-encoding': 'identity' }, { 'accept-encoding': '*;q=0' }, {}]) {
      const answer = await get('/assets/index-abc123.js', headers);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.body.toString()).toBe(script);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    const small = await get('/assets/tiny-def456.js', { 'accept-encoding': 'br' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe(tiny);
  });

  it('does not step outside the folder', async () => {
    const outside = await get('/assets/..%2Findex.html', { 'accept-encoding': 'br' });
    expect(outside.headers['content-encoding']).toBeUndefined();
  });

  it('answers 404 for a script that is not there (an old page after a deploy), not the page as if it were the script', async () => {
    const missing = await get('/assets/gone-0ld0ld.js', { 'accept-encoding': 'br, gzip' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
    const route = await get('/session/abc');
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain('<div id="root">');
  });
});
