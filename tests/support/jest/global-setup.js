// Runs once in the parent process before any worker starts, so every worker inherits the zone.
// Session times are asserted as wall-clock text; a setup file inside a worker would set it too late
// for modules that read the zone at load.
export default function globalSetup() {
  process.env.TZ = 'Europe/Amsterdam';
}
