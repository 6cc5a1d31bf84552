import { describe, expect, it } from '@jest/globals';
import { createJsonLogger } from '../../bot/src/json-logger';
import type { LogLevel } from '../../bot/src/json-logger';

const NOW = new Date('2026-12-02T10:00:00.000Z');

function capture(level: LogLevel = 'debug') {
  const writes: string[] = [];
  const log = createJsonLogger({ level, now: () => NOW, write: (line) => writes.push(line) });
  const lines = () => writes.map((w) => JSON.parse(w) as Record<string, unknown>);
  return { log, writes, lines };
}

describe('the JSON-lines logger', () => {
  it('writes one JSON object per event, time, level and message first, and drops what is below its level', () => {
    const { log, writes, lines } = capture('warn');
    log.debug('d');
    log.info('i', { teamId: 't-1' });
    log.warn('w', { teamId: 't-1', count: 2 });
    log.error('e');
    expect(writes).toHaveLength(2);
    expect(writes.every((w) => w.endsWith('\n') && w.indexOf('\n') === w.length - 1)).toBe(true);
    expect(writes[0]).toBe('{"time":"2026-12-02T10:00:00.000Z","level":"warn","msg":"w","teamId":"t-1","count":2}\n');
    expect(lines()[1]).toEqual({ time: NOW.toISOString(), level: 'error', msg: 'e' });
  });

  it('keeps a value with newlines on its line, and lets no field replace time, level or message', () => {
    const { log, writes, lines } = capture();
    const forged = 'x\n{"level":"error","msg":"forged"}\r\n';
    log.info(`team ${forged}`, { teamId: forged, level: 'error', msg: 'forged', time: 'then' });
    expect(writes).toHaveLength(1);
    expect(writes[0]?.split('\n')).toHaveLength(2);
    expect(lines()[0]).toEqual({ time: NOW.toISOString(), level: 'info', msg: `team ${forged}`, teamId: forged });
  });

  it('logs an error as its name, message, code and stack, never its other properties', () => {
    const { log, lines } = capture();
    const error = Object.assign(new Error('not found'), {
      code: 'NotFound',
      statusCode: 404,
      request: { headers: { authorization: 'Bearer abc.def.ghi' } },
    });
    log.error('could not read', error, { teamId: 't-1' });
    const line = lines()[0];
    expect(line).toMatchObject({ level: 'error', msg: 'could not read', teamId: 't-1' });
    expect(line?.error).toEqual({
      name: 'Error',
      message: 'not found',
      code: 'NotFound',
      statusCode: 404,
      stack: expect.stringContaining('not found'),
    });
    expect(JSON.stringify(line)).not.toContain('abc.def.ghi');
    log.error('storage unavailable', 'timed out');
    expect(lines()[1]?.error).toEqual({ message: 'timed out' });
  });

  it('blanks what looks like a credential, wherever it appears', () => {
    const { log, writes } = capture();
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    log.info(`GET /teams/t/sessions/s/calendar.ics?tenant=x&token=s3cr3t-link-token`, {
      header: `Bearer ${jwt}`,
      url: `https://acct.queue.core.windows.net/q?sv=2024&sig=SAS-SIGNATURE&se=1`,
      connection: 'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=S3CR3TKEY==;EndpointSuffix=core.windows.net',
      list: [jwt],
      path: '/api/v1/me/export/link/WyJ0IiwidSIsMV0.s3cr3t-export-mac',
    });
    const text = writes.join('');
    for (const secret of ['s3cr3t-link-token', jwt, 'SAS-SIGNATURE', 'S3CR3TKEY', 's3cr3t-export-mac']) expect(text).not.toContain(secret);
    expect(text).toContain('/api/v1/me/export/link/[redacted]');
    expect(text).toContain('tenant=x&token=[redacted]');
    expect(text).toContain('AccountName=acct;AccountKey=[redacted]');
  });

  it('adds the fields of a scope to every line logged inside it, across awaits, and nests scopes', async () => {
    const { log, lines } = capture();
    await log.scope({ requestId: 'r-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.info('in request');
      await log.scope({ activityId: 'a-1' }, async () => {
        await Promise.resolve();
        log.warn('in turn');
      });
    });
    log.info('outside');
    expect(lines().map(({ time: _time, ...rest }) => rest)).toEqual([
      { level: 'info', msg: 'in request', requestId: 'r-1' },
      { level: 'warn', msg: 'in turn', requestId: 'r-1', activityId: 'a-1' },
      { level: 'info', msg: 'outside' },
    ]);
  });
});
