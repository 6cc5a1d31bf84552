// npm run checks   →   node scripts/run-lanes.mjs lint,check:exports typecheck,format:check,build
//
// Runs npm scripts in lanes: the scripts of one lane one after the other, the lanes side by side.
// ESLint, tsc, Prettier and the dead-export check are each single-threaded, so on CI's two cores two
// lanes take about as long as the longer lane instead of the sum (docs/BENCHMARKS.md, "Test suite time").
// Each script's output is printed whole when it ends, so lanes never interleave lines; the exit code is
// the first failure's, after every lane has finished (one failing check does not hide another's).
import { spawn } from 'node:child_process';

const lanes = process.argv.slice(2).map((lane) => lane.split(',').filter(Boolean));
if (lanes.length === 0 || lanes.some((lane) => lane.length === 0)) {
  console.error('usage: node scripts/run-lanes.mjs "script,script" "script" …');
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** @param {string} script @returns {Promise<number>} */
function run(script) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    /** @type {Buffer[]} */
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.once('error', (error) => output.push(Buffer.from(`${error.message}\n`)));
    child.once('close', (code, signal) => {
      const status = code ?? (signal ? 1 : 0);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stdout.write(`\n== ${script}: ${status === 0 ? 'ok' : `failed (${signal ?? code})`} in ${seconds} s\n`);
      process.stdout.write(Buffer.concat(output));
      resolve(status);
    });
  });
}

/** @param {string[]} lane @returns {Promise<number>} the lane's first failure, or 0 */
async function runLane(lane) {
  let failed = 0;
  for (const script of lane) {
    const status = await run(script);
    if (status !== 0 && failed === 0) failed = status;
  }
  return failed;
}

const statuses = await Promise.all(lanes.map(runLane));
process.exitCode = statuses.find((status) => status !== 0) ?? 0;
