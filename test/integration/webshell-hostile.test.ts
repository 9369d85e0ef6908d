import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WebSocket } from 'ws';
import { startUiProcess, type WebShellProcess } from '../helpers/webShell.ts';

// The web shell treats every HTTP and WebSocket input as untrusted: a page on another 127.0.0.1
// port shares the same-site cookie, so whatever arrives gets an answer and the host keeps running.

let ui: WebShellProcess;
let origin: string;
let cookie: string;

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${origin}${path}`, { headers: { Cookie: cookie, ...headers } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Sends raw bytes as an HTTP request line, for paths Node's client would refuse to send. */
function rawGet(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(origin);
    const socket = new net.Socket();
    let answer = '';
    socket.connect(Number(port), '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (d: Buffer) => (answer += d));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

function openSocket(): Promise<WebSocket> {
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/api`, { headers: { Cookie: cookie, Origin: origin } });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The next answer (not an event) on the socket. */
function nextAnswer(ws: WebSocket): Promise<{ id: unknown; ok: boolean; result?: unknown; error?: { code: string; message: string } }> {
  return new Promise((resolve, reject) => {
    const onClose = () => reject(new Error('closed'));
    const onMessage = (data: unknown) => {
      const msg = JSON.parse(String(data));
      if ('events' in msg) return;
      ws.off('message', onMessage);
      ws.off('close', onClose);
      resolve(msg);
    };
    ws.on('message', onMessage);
    ws.once('close', onClose);
  });
}

async function hostAnswers(): Promise<void> {
  const ws = await openSocket();
  const answer = nextAnswer(ws);
  ws.send(JSON.stringify({ id: 'alive', method: 'listReaders', params: [] }));
  expect(await answer).toMatchObject({ id: 'alive', ok: true });
  ws.close();
  expect(ui.proc.exitCode).toBeNull();
}

beforeAll(async () => {
  ui = await startUiProcess(['--no-sim']);
  origin = new URL(ui.url).origin;
  const token = new URL(ui.url).searchParams.get('token')!;
  cookie = `readerdesk_token=${token}`;
});

afterAll(async () => {
  await ui?.stop();
});

describe('web shell: hostile requests', () => {
  it('answers a malformed percent-encoding with 400 and keeps serving', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/assets/%zz.js')).status).toBe(400);
    expect((await get('/index.html')).status).toBe(200);
  });

  it('answers a raw request with a broken address and keeps serving', async () => {
    expect(await rawGet('//[::1')).toMatch(/^HTTP\/1\.1 (400|403|404)/);
    await hostAnswers();
  });

  it('answers null, non-objects and malformed JSON with an error, not silence or a crash', async () => {
    const ws = await openSocket();
    for (const text of ['null', '42', '"x"', '[]', '{', 'not json']) {
      const answer = nextAnswer(ws);
      ws.send(text);
      const a = await answer;
      expect(a.ok, text).toBe(false);
      expect(a.error!.code).toBe('bad-request');
      expect(a.error!.message).toMatch(/JSON/);
    }
    const unknown = nextAnswer(ws);
    ws.send(JSON.stringify({ id: 7, method: 'constructor', params: [] }));
    expect(await unknown).toMatchObject({ id: 7, ok: false, error: { code: 'unknown-method' } });
    ws.close();
    await hostAnswers();
  });

  it('closes only the connection that sends a message over the size limit', async () => {
    const ws = await openSocket();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    ws.send('x'.repeat(9 * 1024 * 1024));
    expect(await closed).toBe(1009);
    await hostAnswers();
  });

  it('survives random messages and paths (property test)', async () => {
    const ws = await openSocket();
    const anyMessage = fc.oneof(
      fc.string(),
      fc.json(),
      fc.record({ id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), method: fc.oneof(fc.string(), fc.constantFrom('connect', 'listReaders', 'configLoad', 'deployStart', '__proto__')), params: fc.jsonValue() }).map((m) => JSON.stringify(m)),
    );
    await fc.assert(
      fc.asyncProperty(anyMessage, async (text) => {
        const answer = nextAnswer(ws);
        ws.send(text);
        const a = await answer;
        expect(typeof a.ok).toBe('boolean');
        if (!a.ok) expect(a.error!.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
    await fc.assert(
      fc.asyncProperty(fc.webPath(), async (p) => {
        const { status } = await get(p.startsWith('/') ? p : `/${p}`);
        expect([200, 303, 400, 404, 405]).toContain(status);
      }),
      { numRuns: 100 },
    );
    ws.close();
    await hostAnswers();
  });
});
