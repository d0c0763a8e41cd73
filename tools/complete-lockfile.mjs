#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages this machine's npm
// registry does not serve (rollup's binaries for other systems answer 404 here), so `npm ci`
// does not refuse the lock as out of sync. npm skips them on install: they are optional and
// for other platforms. Run after `npm install` changes the lock:  node tools/complete-lockfile.mjs

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lockPath = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;
let added = 0;

for (const [at, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    // npm resolves a dependency in the nearest node_modules up the tree; top level is enough here.
    const nested = at ? `${at}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    packages[`node_modules/${name}`] = { version: range, ...(entry.dev ? { dev: true } : {}), optional: true };
    added += 1;
  }
}

const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `complete-lockfile: added ${added} optional platform packages` : 'complete-lockfile: nothing to add');
