import { isUtf8 } from 'node:buffer';
import type { IncomingMessage } from 'node:http';
import { BadUserInputError, BodyTimeoutError, PayloadTooLargeError } from '../errors/index.js';
import { firstInvalidUtf8 } from '../model/utf8.js';

/**
 * Reads a request body as UTF-8, refusing one larger than `limit` bytes (before reading, when
 * Content-Length says so) and one that is not valid UTF-8: a broken byte would otherwise become
 * U+FFFD silently, even inside an id.
 */
export function readBody(req: IncomingMessage, limit: number, idleMs = Number.POSITIVE_INFINITY): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit, declared));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    // A body that stops arriving is given up on: it must not hold anything of the caller's.
    let idle: NodeJS.Timeout | undefined;
    const arm = () => {
      if (!Number.isFinite(idleMs)) return;
      clearTimeout(idle);
      idle = setTimeout(() => {
        refused = true;
        chunks.length = 0;
        reject(new BodyTimeoutError(idleMs));
      }, idleMs);
      idle.unref();
    };
    arm();
    req.on('close', () => clearTimeout(idle));
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      arm();
      size += chunk.length;
      if (size > limit) {
        // Stop keeping what arrives; the server answers 413 and closes the connection.
        refused = true;
        chunks.length = 0;
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      clearTimeout(idle);
      if (refused) return;
      const body = Buffer.concat(chunks);
      const bad = isUtf8(body) ? -1 : firstInvalidUtf8(body);
      if (bad >= 0) reject(new BadUserInputError(`The request body is not valid UTF-8 (byte ${bad}). Send text as UTF-8.`, 'body'));
      else resolve(body.toString('utf8'));
    });
    req.on('error', reject);
  });
}

function tooLarge(limit: number, declared?: number): PayloadTooLargeError {
  return new PayloadTooLargeError(
    `The request body${declared ? ` (${declared} bytes)` : ''} is larger than this server's ${limit}-byte limit (ZANJIR_MAX_BODY_BYTES); import large files with \`zanjir import\` instead.`,
    { limitBytes: limit },
  );
}
