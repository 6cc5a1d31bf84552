import type { RequestHandler, Response } from 'express';
import path from 'node:path';

/** Preferred first: brotli is ~15 % smaller than gzip -9 on the tab's scripts. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/** What the tab's build writes compressed copies of (scripts/precompress-tab.mjs). */
const COMPRESSED = new Set(['.js', '.css', '.svg', '.json']);

/** Hashed assets never change: cached for good (express.static sets the same on the plain files). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the hashed assets the build precompressed (`x.js.br`, `x.js.gz` beside `x.js`) to clients that
 * accept them, with `Content-Encoding` and `Vary: Accept-Encoding`; everything else goes on to
 * express.static. Compressing once at build time costs nothing per request, unlike compressing on the fly.
 */
export function precompressedAssets(assetsDir: string): RequestHandler {
  return (req, res, next) => {
    const ext = path.extname(req.path);
    // No Accept-Encoding at all reads as "anything" to the negotiator; a plain client gets the plain file.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !COMPRESSED.has(ext) || !req.headers['accept-encoding']) return next();
    let relative: string;
    try {
      relative = path.normalize(decodeURIComponent(req.path)).replace(/^[/\\]+/, '');
    } catch {
      return next();
    }
    // Only plain names inside the folder; anything odd is express.static's to refuse.
    if (relative.startsWith('..') || relative.includes('\0')) return next();
    res.vary('Accept-Encoding');
    // Our order of preference wins over the header's: browsers list `gzip, deflate, br` at equal weight.
    const accepted = ENCODINGS.filter((encoding) => req.acceptsEncodings(encoding.name) === encoding.name);
    const file = path.join(assetsDir, relative);
    // The first accepted copy that is there (a small file has none); else the plain file.
    const send = (i: number): void => {
      const encoding = accepted[i];
      if (!encoding) return next();
      sendEncoded(res, file + encoding.suffix, encoding.name, ext, (missing) => (missing ? send(i + 1) : next()));
    };
    send(0);
  };
}

function sendEncoded(res: Response, file: string, encoding: string, ext: string, fallBack: (missing: boolean) => void): void {
  res.type(ext);
  res.setHeader('Content-Encoding', encoding);
  res.setHeader('Cache-Control', IMMUTABLE);
  res.sendFile(file, { dotfiles: 'deny' }, (error) => {
    if (!error || res.headersSent) return;
    res.removeHeader('Content-Encoding');
    res.removeHeader('Content-Type');
    res.removeHeader('Cache-Control');
    fallBack((error as NodeJS.ErrnoException).code === 'ENOENT');
  });
}
