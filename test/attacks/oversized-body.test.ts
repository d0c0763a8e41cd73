// Issue 22, low finding: a client that keeps sending a body over the cap (Python's urllib sends
// all of it before it reads) saw a connection reset instead of the 413: the server closed the
// socket with the rest of the body unread, and the kernel answers unread data with RST, which
// throws away the answer waiting in the client's buffer. The server now half-closes and discards
// the rest, up to a bound, so the 413 reaches the client.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'reader' });
});
afterAll(async () => h?.close());

const BODY = 11 * 1024 * 1024;

/** Sends headers and the whole body before reading anything, as urllib does; returns what it then reads. */
async function sendAllThenRead(): Promise<string> {
  const { port } = new URL(h.server.url);
  const socket = net.connect(Number(port), '127.0.0.1');
  socket.pause();
  let failed = false;
  socket.on('error', () => (failed = true));
  const closed = new Promise<void>((r) => socket.once('close', () => { failed = true; r(); }));
  await new Promise((r) => socket.once('connect', r));
  socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${BODY}\r\n\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  for (let sent = 0; sent < BODY && !failed; sent += chunk.length) {
    if (!socket.write(chunk)) await Promise.race([new Promise((r) => socket.once('drain', r)), closed]);
  }
  let text = '';
  socket.on('data', (d) => (text += d.toString()));
  socket.resume();
  await closed;
  socket.destroy();
  return text;
}

describe('a body over the cap, sent whole', () => {
  it('reaches the client as a 413, not a reset', async () => {
    const text = await sendAllThenRead();
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text).toMatch(/10485760-byte limit/);
  });
});
