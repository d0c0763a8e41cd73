// What the browser tests need: Debian's Chromium driven by playwright-core (its own browser
// download does not work offline), and views built from the current sources.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VIEWS_DIR = path.join(ROOT, 'views');
export const OUTPUT_DIR = path.join(ROOT, 'test-output', 'views');

/** The Chromium to drive: $CHROMIUM_PATH, else `chromium` on the PATH. Missing is an error, not a skip. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, which('chromium'), which('chromium-browser'), '/usr/bin/chromium'].filter((p): p is string => !!p);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) {
    throw new Error('No Chromium for the browser tests. Install it (apt-get install -y chromium; .ci/run does so as root) or set CHROMIUM_PATH.');
  }
  return found;
}

function which(name: string): string | null {
  try {
    return execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * `npm test` builds the views first (pretest); a run of just these files builds them when the
 * output is missing or older than a source, so the browser never tests a stale bundle.
 */
export function ensureViewsBuilt(): void {
  const dist = path.join(VIEWS_DIR, 'dist');
  const pages = ['dependencies', 'flows', 'balance', 'plan', 'schedule'].map((p) => path.join(dist, `${p}.html`));
  const builtAt = Math.min(...pages.map((p) => (fs.existsSync(p) ? fs.statSync(p).mtimeMs : 0)));
  const newest = newestSource(VIEWS_DIR);
  if (builtAt > 0 && builtAt >= newest) return;
  execFileSync('npm', ['run', 'build:views'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}
