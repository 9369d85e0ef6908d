import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppEvent, ReaderDeskApi } from '../../../shared/api/contract.ts';
import { dispatchCall } from '../app/dispatch.ts';

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
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

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
    const url = new URL(req.url ?? '/', 'http://x');
    const given = url.searchParams.get('token') ?? parseCookies(req.headers.cookie)[COOKIE] ?? '';
    return safeEqual(given, token);
  };
  const hostOk = (req: http.IncomingMessage): boolean => {
    // Refuse other Host names so a DNS-rebinding page cannot talk to us.
    const h = (req.headers.host ?? '').toLowerCase();
    return h === `127.0.0.1:${port}` || h === `localhost:${port}` || h === `[::1]:${port}`;
  };

  const server = http.createServer((req, res) => {
    if (!hostOk(req)) return refuse(res, 421, 'wrong host');
    if (!tokenOk(req)) return refuse(res, 403, 'This ReaderDesk web shell needs the address with its token, as printed by "readerdesk ui".');
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.searchParams.has('token')) {
      // Move the token into a cookie and drop it from the address bar.
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname === '/' ? '/index.html' : url.pathname,
        'Cache-Control': 'no-store',
      });
      return res.end();
    }
    const rel = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = path.resolve(staticDir, '.' + rel);
    if (!file.startsWith(staticDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      return refuse(res, 404, 'not found');
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin;
    const originOk = !origin || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
    if (url.pathname !== '/api' || !hostOk(req) || !tokenOk(req) || !originOk) {
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

function serveClient(ws: WebSocket, api: ReaderDeskApi): void {
  const unsubscribe = api.onEvent((event: AppEvent) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }));
  });
  ws.on('close', unsubscribe);
  ws.on('message', async (data) => {
    let msg: { id?: unknown; method?: unknown; params?: unknown };
    try {
      msg = JSON.parse(String(data));
    } catch {
      return;
    }
    const result = await dispatchCall(api, msg.method, msg.params);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: msg.id, ...result }));
  });
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
