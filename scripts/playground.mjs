// Starts the pinned Microsoft 365 Agents Playground against the running PeerLearn service.
// It plays the Teams channel on loopback; its tenant, team and users are the demo team's.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const port = process.env.PORT || '3978';
const playgroundPort = process.env.PLAYGROUND_PORT || '56150';
const endpoint = `http://127.0.0.1:${port}/api/messages`;

try {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  if (!res.ok) console.warn(`PeerLearn answers /healthz with ${res.status}; the bot may not work until storage is back.`);
} catch {
  console.error(`PeerLearn is not running on port ${port}. Start it first in another terminal with: npm start`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const pkg = require.resolve('@microsoft/m365agentsplayground/package.json');
const bin = require(pkg).bin;
const entry = path.join(path.dirname(pkg), typeof bin === 'string' ? bin : bin.agentsplayground);
console.log(`Agents Playground → ${endpoint}\nOpen http://localhost:${playgroundPort} in a browser.`);
const child = spawn(process.execPath, [entry, '-e', endpoint, '-c', 'msteams', '-p', playgroundPort, '--disable-telemetry'], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
