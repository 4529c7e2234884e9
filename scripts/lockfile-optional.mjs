// Adds package-lock.json entries for optional platform packages (native bindings for other
// operating systems and CPUs) that this registry does not serve, so `npm ci` accepts the lock
// file. Each entry is marked `optional: true`; npm skips it on platforms it does not fit.
// Run after `npm install` changes the lock file: node scripts/lockfile-optional.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const USAGE = `Usage: node scripts/lockfile-optional.mjs

Adds package-lock.json entries (optional: true) for optional platform packages this registry
does not serve, so \`npm ci\` accepts the lock file. Run it after \`npm install\` changes the lock.`;
const [arg] = process.argv.slice(2);
if (arg === '--help' || arg === '-h') {
  console.log(USAGE);
  process.exit(0);
}
if (arg !== undefined) {
  console.error(`error: ${arg.startsWith('-') ? `unknown option '${arg}'` : `unexpected argument "${arg}"`}\n${USAGE}`);
  process.exit(2);
}

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [key, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key ? `${key}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = { version: String(range).replace(/^[\^~=]/, ''), optional: true };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lockfile-optional: added ${added} optional platform package entries`);
