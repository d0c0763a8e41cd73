// Runs the real `zanjir` command in a child process against the test run's Neo4j.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';

const BIN = path.join(__dirname, '..', '..', 'bin', 'zanjir.js');

export interface CliRun {
  /** Exit code, or null when a signal ended the process. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function zanjir(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, NEO4J_URI: inject('boltUri'), NEO4J_PASSWORD: inject('boltPassword'), ZANJIR_ANONYMOUS_ROLE: 'admin', ZANJIR_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
