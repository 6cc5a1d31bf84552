import type { RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Preferred first: brotli is ~15 % smaller than gzip -9 on the tab's scripts. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** What the tab's build writes compressed (scripts/precompress-tab.mjs); the types express.static would send. */
const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

/**
 * Whether `Accept-Encoding` allows an encoding (q > 0, by name or `*`). Our order of preference wins
 * over the header's: browsers list `gzip, deflate, br` at equal weight, and brotli is the smaller.
 */
function acceptedEncodings(header: string): (name: string) => boolean {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(token.trim(), q === undefined ? 1 : Number(q));
  }
  return (name) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
}

/**
 * Serves the hashed assets the build precompressed (`x.js.br`, `x.js.gz` beside `x.js`) to clients that
 * accept them, with `Content-Encoding` and `Vary: Accept-Encoding`; everything else goes on to
 * express.static. Compressing once at build time costs nothing per request, unlike compressing on the fly.
 */
export function precompressedAssets(assetsDir: string): RequestHandler {
  // Hashed files never change, so whether a compressed copy exists is asked of the disk once per name.
  const known = new Map<string, boolean>();
  const exists = (file: string): boolean => {
    let found = known.get(file);
    if (found === undefined) {
      found = existsSync(file);
      if (known.size > 10_000) known.clear();
      known.set(file, found);
    }
    return found;
  };
  return (req, res, next) => {
    const type = TYPES[path.extname(req.path)];
    // No Accept-Encoding at all reads as "anything" to the negotiator; a plain client gets the plain file.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !type || !req.headers['accept-encoding']) return next();
    let relative: string;
    try {
      relative = path.normalize(decodeURIComponent(req.path)).replace(/^[/\\]+/, '');
    } catch {
      return next();
    }
    // Only plain names inside the folder; anything odd is express.static's to refuse.
    if (relative.startsWith('..') || relative.includes('\0')) return next();
    const file = path.join(assetsDir, relative);
    res.vary('Accept-Encoding');
    const accepted = acceptedEncodings(req.headers['accept-encoding']);
    const encoding = ENCODINGS.find((candidate) => accepted(candidate.name) && exists(file + candidate.suffix));
    if (!encoding) return next();
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Encoding', encoding.name);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.sendFile(file + encoding.suffix, { dotfiles: 'deny' }, (error) => {
      if (!error || res.headersSent) return;
      // Gone meanwhile (a rebuild): the plain file, if it is there, is still right.
      res.removeHeader('Content-Encoding');
      res.removeHeader('Content-Type');
      next();
    });
  };
}
