// Issue 22, finding 3: sockets that send headers and part of a body, then nothing, held the
// caller's concurrency slots for as long as the socket lived, so every other anonymous caller
// from that address (behind a proxy: everyone) heard 429. The slot is taken once the body has
// arrived, and a body that stops is answered 408 and its connection closed.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../helpers/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ ZANJIR_ANONYMOUS_ROLE: 'reader', ZANJIR_CLIENT_CONCURRENCY: '2', ZANJIR_REQUEST_TIMEOUT_MS: '3000' });
});
afterAll(async () => h?.close());

function halfSentBody(): { socket: net.Socket; answer: Promise<string> } {
  const { port } = new URL(h.server.url);
  const socket = net.connect(Number(port), '127.0.0.1');
  socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":"{ __typ`);
  const answer = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (d) => (text += d.toString()));
    socket.on('close', () => resolve(text));
    socket.on('error', () => {});
  });
  return { socket, answer };
}

describe('half-sent bodies do not lock out a caller', () => {
  it('answers the same caller while eight bodies stall, then closes the stalled ones with 408', async () => {
    const stalled = Array.from({ length: 8 }, halfSentBody);
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    const res = await fetch(`${h.server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_500);
    const answers = await Promise.race([
      Promise.all(stalled.map((s) => s.answer)),
      new Promise<null>((r) => setTimeout(() => r(null), 10_000)),
    ]);
    for (const s of stalled) s.socket.destroy();
    expect(answers, 'the stalled sockets were never closed').not.toBeNull();
    for (const text of answers!) expect(text).toMatch(/^HTTP\/1\.1 408/);
  });
});
