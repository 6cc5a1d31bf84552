import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { because } from '../support/eventually';
import { ROOT } from '../support/ship/run-package';

/**
 * `npm run checks` runs the checks in lanes (scripts/run-lanes.mjs). Here it runs tiny npm scripts in a scratch
 * package: "wait-for-b" ends well only once "b" has run, which it can only do from the other lane while it waits.
 */
let dir = '';
const node = (code: string) => `node -e ${JSON.stringify(code)}`;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'peerlearn-lanes-'));
  const scripts = {
    'wait-for-b': node(
      "const fs=require('fs');const end=Date.now()+Number(process.env.WAIT_MS);const t=setInterval(()=>{if(fs.existsSync('b.started')){clearInterval(t);console.log('saw b')}else if(Date.now()>end){console.log('no b');process.exit(3)}},20)",
    ),
    b: node("require('fs').writeFileSync('b.started','');console.log('b ran')"),
    fail: node("console.log('fail says why');process.exit(4)"),
    'after-fail': node("console.log('after-fail ran')"),
  };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'lanes-probe', private: true, scripts }));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function lanes(waitMs: number, ...args: string[]) {
  rmSync(path.join(dir, 'b.started'), { force: true });
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-lanes.mjs'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, WAIT_MS: String(waitMs) },
  });
}

describe('scripts/run-lanes.mjs', () => {
  it('runs the lanes side by side, each script whole, and fails with the first failure after every script ran', () => {
    // Generous: npm itself may take seconds to start on a busy machine; a passing run returns as soon as b ran.
    const run = lanes(60_000, 'wait-for-b,fail,after-fail', 'b');
    because(run.stdout + run.stderr, () => {
      expect(run.status).toBe(4);
      expect(run.stdout).toMatch(/== wait-for-b: ok in [\d.]+ s\nsaw b/);
      expect(run.stdout).toMatch(/== b: ok in [\d.]+ s\nb ran/);
      expect(run.stdout).toMatch(/== fail: failed \(4\) in [\d.]+ s\nfail says why/);
      expect(run.stdout).toMatch(/== after-fail: ok in [\d.]+ s\nafter-fail ran/);
    });
  }, 120_000);

  it('within a lane, one script after the other: the same two in one lane cannot meet', () => {
    const run = lanes(1_000, 'wait-for-b,b');
    because(run.stdout + run.stderr, () => {
      expect(run.status).toBe(3);
      expect(run.stdout).toMatch(/== wait-for-b: failed \(3\)[^\n]*\nno b/);
    });
  }, 120_000);

  it('ends 0 when every lane passes, and 2 with a usage line when given no lanes', () => {
    expect(lanes(1_000, 'b').status).toBe(0);
    const usage = lanes(1_000);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage:');
  }, 120_000);
});
