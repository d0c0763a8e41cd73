// Structured logs (pino, JSON lines): one line per request with its id, route, status, time and
// caller, and every unexpected error with the id of the request it broke. Never a secret: keys and
// tokens are not logged, only the caller's subject ("key:3f9a… (dashboard)").

import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { app: 'zanjir' },
      redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'headers.authorization', 'headers["x-api-key"]'], remove: true },
    },
    destination ?? pino.destination({ dest: 2, sync: false }),
  );
}
