import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { ROOT } from '../support/ship/run-package';

/** scripts/ensure-link-secret.mjs, the teamsapp.yml step that makes the link secret once and keeps it. */
const dir = mkdtempSync(path.join(tmpdir(), 'link-secret-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, 'scripts', 'ensure-link-secret.mjs'), '--env', 'dev', '--env-dir', dir, ...args],
    {
      encoding: 'utf8',
    },
  );
  const printed = Object.fromEntries([...result.stdout.matchAll(/^::set-teamsfx-env ([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
  const file = readFileSync(path.join(dir, '.env.dev.user'), 'utf8');
  const stored = Object.fromEntries([...file.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
  return { status: result.status, printed, stored };
}

describe('the link secret across provisions', () => {
  let first = '';

  it('is made on the first provision, into the git-ignored .user file only its owner reads, and handed to the Toolkit', () => {
    const { status, printed, stored } = run();
    expect(status).toBe(0);
    first = stored.SECRET_CALENDAR_LINK_SECRET ?? '';
    expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/);
    expect(stored.SECRET_CALENDAR_LINK_SECRET_PREVIOUS).toBe('');
    expect(printed).toEqual({ SECRET_CALENDAR_LINK_SECRET: first, SECRET_CALENDAR_LINK_SECRET_PREVIOUS: '' });
    expect(statSync(path.join(dir, '.env.dev.user')).mode & 0o077).toBe(0);
  });

  it('is kept by every later provision, and not printed again', () => {
    const { status, printed, stored } = run();
    expect(status).toBe(0);
    expect(stored.SECRET_CALENDAR_LINK_SECRET).toBe(first);
    expect(printed).toEqual({});
  });

  it('rotates: the old secret becomes the previous one (still accepted), then the rotation ends', () => {
    const rotated = run('--rotate');
    expect(rotated.stored.SECRET_CALENDAR_LINK_SECRET_PREVIOUS).toBe(first);
    expect(rotated.stored.SECRET_CALENDAR_LINK_SECRET).not.toBe(first);
    expect(rotated.printed.SECRET_CALENDAR_LINK_SECRET_PREVIOUS).toBe(first);
    const ended = run('--end-rotation');
    expect(ended.stored.SECRET_CALENDAR_LINK_SECRET).toBe(rotated.stored.SECRET_CALENDAR_LINK_SECRET);
    expect(ended.stored.SECRET_CALENDAR_LINK_SECRET_PREVIOUS).toBe('');
  });
});
