import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ApiErrorPayload, ReaderDeskApi } from '../../../shared/api/contract.ts';
import { dispatchCall } from '../app/dispatch.ts';
import { contentTypeOf } from '../files/contentType.ts';
import { streamEvents } from '../app/eventStream.ts';

export interface WebShellOptions {
  api: ReaderDeskApi;
  /** Folder with the built renderer (index.html and assets/). */
  staticDir: string;
  host?: string;
  port?: number;
}

export interface RunningWebShell {
  url: string;
  port: number;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const COOKIE = 'readerdesk_token';
/**
 * The web shell: the same React build as the Electron app, served on loopback only, with the API
 * over a WebSocket. A random token guards everything: it arrives in the address the CLI prints,
 * is then kept in a same-site cookie, and every request without it is refused.
 */
export async function startWebShell(opts: WebShellOptions): Promise<RunningWebShell> {
  const host = opts.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new Error(`the web shell listens on 127.0.0.1 only, not on ${host}`);
  const token = randomBytes(24).toString('hex');
  const staticDir = path.resolve(opts.staticDir);
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`the UI is not built (${staticDir}/index.html is missing); run "npm run build:renderer"`);
  }

  let port = 0;
  const tokenOk = (req: http.IncomingMessage): boolean => {
    const url = requestUrl(req);
    if (!url) return false;
    const given = url.searchParams.get('token') ?? parseCookies(req.headers.cookie)[COOKIE] ?? '';
    return safeEqual(given, token);
  };
  const hostOk = (req: http.IncomingMessage): boolean => {
    // Refuse other Host names so a DNS-rebinding page cannot talk to us.
    const h = (req.headers.host ?? '').toLowerCase();
    return h === `127.0.0.1:${port}` || h === `localhost:${port}` || h === `[::1]:${port}`;
  };

  const serveFile = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    if (!hostOk(req)) return refuse(res, 421, 'wrong host');
    const url = requestUrl(req);
    if (!url) return refuse(res, 400, 'The address is malformed.');
    if (!tokenOk(req)) return refuse(res, 403, 'This ReaderDesk web shell needs the address with its token, as printed by "readerdesk ui".');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET and HEAD are served here.');
    if (url.searchParams.has('token')) {
      // Move the token into a cookie and drop it from the address bar.
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname === '/' ? '/index.html' : url.pathname,
        'Cache-Control': 'no-store',
      });
      res.end();
      return;
    }
    const rel = url.pathname === '/' ? '/index.html' : decodePath(url.pathname);
    if (rel === null) return refuse(res, 400, 'The address has a malformed percent-encoding.');
    const file = path.resolve(staticDir, '.' + rel);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return refuse(res, 404, 'not found');
    }
    res.writeHead(200, {
      'Content-Type': contentTypeOf(file),
      'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    const stream = fs.createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  // Every request is untrusted: whatever it holds, it gets an answer and the host keeps running.
  const server = http.createServer((req, res) => {
    try {
      serveFile(req, res);
    } catch {
      if (!res.headersSent) refuse(res, 400, 'The request could not be understood.');
      else res.destroy();
    }
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
    else socket.destroy();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  wss.on('error', () => undefined);
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(req);
    const origin = req.headers.origin;
    const originOk = !origin || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (!url || url.pathname !== '/api' || !hostOk(req) || !tokenOk(req) || !originOk) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws, opts.api));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** The largest API message a client may send: a BALCFG of the size the host loads at most, as JSON. */
export const MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

interface CallMessage {
  id: string | number | null;
  method: unknown;
  params: unknown;
}

/** Reads one client message; anything but `{id, method, params}` is an error answer, never a throw. */
export function parseCallMessage(data: unknown): CallMessage | { id: string | number | null; error: ApiErrorPayload } {
  let msg: unknown;
  try {
    msg = JSON.parse(String(data));
  } catch {
    return { id: null, error: { code: 'bad-request', params: {}, message: 'The message is not valid JSON; the app sends {"id", "method", "params"}.' } };
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
    return { id: null, error: { code: 'bad-request', params: {}, message: 'The message must be a JSON object with "id", "method" and "params".' } };
  }
  const m = msg as Record<string, unknown>;
  const id = typeof m.id === 'string' || (typeof m.id === 'number' && Number.isFinite(m.id)) ? m.id : null;
  if (typeof m.id === 'string' && m.id.length > 64) return { id: null, error: { code: 'bad-request', params: {}, message: 'The message id is longer than 64 characters.' } };
  return { id, method: m.method, params: m.params };
}

function send(ws: WebSocket, message: unknown): void {
  if (ws.readyState !== ws.OPEN) return;
  let text: string;
  try {
    text = JSON.stringify(message);
  } catch {
    text = JSON.stringify({ id: (message as { id?: unknown }).id ?? null, ok: false, error: { code: 'internal', params: {}, message: 'The answer could not be encoded.' } });
  }
  ws.send(text, () => undefined);
}

function serveClient(ws: WebSocket, api: ReaderDeskApi): void {
  const unsubscribe = streamEvents(api, (message) => send(ws, message));
  ws.on('close', unsubscribe);
  // A message over the size limit or a broken frame ends this connection only (ws closes it with 1009/1002).
  ws.on('error', () => undefined);
  ws.on('message', (data) => {
    const msg = parseCallMessage(data);
    if ('error' in msg) {
      send(ws, { id: msg.id, ok: false, error: msg.error });
      return;
    }
    dispatchCall(api, msg.method, msg.params).then(
      (result) => send(ws, { id: msg.id, ...result }),
      () => send(ws, { id: msg.id, ok: false, error: { code: 'internal', params: {}, message: 'The request failed inside the app.' } }),
    );
  });
}

function requestUrl(req: http.IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://x');
  } catch {
    return null;
  }
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

function refuse(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
