import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Values a provisioned dev environment would have; the committed env/.env.dev leaves them empty. */
export const PROVISIONED: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '5b0a1c1e-7a8e-4a63-9d5e-2f3c1b9e0a11',
  BOT_ID: '8f2d6c3a-1b4e-4f7a-9c2d-3e5f6a7b8c9d',
  AAD_APP_CLIENT_ID: '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  TAB_ENDPOINT: 'https://peerlearndevx1y2z3.azurewebsites.net',
  TAB_DOMAIN: 'peerlearndevx1y2z3.azurewebsites.net',
  BOT_DOMAIN: 'peerlearndevx1y2z3.azurewebsites.net',
};

export interface PackageRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the real `npm run package` script (scripts/package.mjs) with exactly the given environment. */
export function runPackage(args: readonly string[], env: Readonly<Record<string, string>>): PackageRun {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
