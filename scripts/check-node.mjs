// Fails loudly when npm scripts run on a Node.js older than the one Astro 7 and vitest 5 need.
// npm puts node_modules/.bin first on PATH, so the pinned `node` devDependency (Node 22) should win.
const USAGE = `Usage: node scripts/check-node.mjs

Exits with an error when this Node.js is older than 22.12 (npm scripts run it first).`;
const [arg] = process.argv.slice(2);
if (arg === '--help' || arg === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (arg !== undefined) {
  console.error(`error: ${arg.startsWith('-') ? `unknown option '${arg}'` : `unexpected argument "${arg}"`}\n${USAGE}`);
  process.exit(2);
}
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `error: Node.js ${process.versions.node} is running these scripts, but the handbook needs Node.js >= 22.12.\n` +
      `Run the scripts through npm (npm run build, npm test) so the pinned node@22 from node_modules/.bin is used,\n` +
      `or install Node.js 22 yourself.`,
  );
  process.exit(1);
}
