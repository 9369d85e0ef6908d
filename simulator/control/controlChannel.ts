import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';

// `readerdesk sim tamper|tag --state <dir>` reach the running simulator of a state directory through
// a Unix socket named after that directory. One JSON request per connection, one JSON answer.

export interface ControlRequest {
  op: string;
  [k: string]: unknown;
}
export interface ControlAnswer {
  ok: boolean;
  message: string;
  [k: string]: unknown;
}

export function controlSocketPath(stateDir: string): string {
  const abs = path.resolve(stateDir);
  const inDir = path.join(abs, 'control.sock');
  // Unix socket paths are limited to about 100 bytes; long state paths get a hashed name in tmp.
  if (Buffer.byteLength(inDir) < 100) return inDir;
  const h = createHash('sha256').update(abs).digest('hex').slice(0, 16);
  return path.join(os.tmpdir(), `readerdesk-sim-${h}.sock`);
}

export async function serveControl(stateDir: string, handle: (req: ControlRequest) => Promise<ControlAnswer>): Promise<() => Promise<void>> {
  const sock = controlSocketPath(stateDir);
  fs.rmSync(sock, { force: true });
  const server = net.createServer((conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('data', async (chunk: string) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl < 0) return;
      let answer: ControlAnswer;
      try {
        answer = await handle(JSON.parse(buf.slice(0, nl)) as ControlRequest);
      } catch (err) {
        answer = { ok: false, message: (err as Error).message };
      }
      conn.end(JSON.stringify(answer) + '\n');
    });
    conn.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(sock, () => resolve());
  });
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      fs.rmSync(sock, { force: true });
    });
}

export async function sendControl(stateDir: string, req: ControlRequest): Promise<ControlAnswer> {
  const sock = controlSocketPath(stateDir);
  return new Promise((resolve, reject) => {
    const conn = net.connect(sock);
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('connect', () => conn.write(JSON.stringify(req) + '\n'));
    conn.on('data', (c: string) => (buf += c));
    conn.on('end', () => {
      try {
        resolve(JSON.parse(buf) as ControlAnswer);
      } catch {
        reject(new Error('the simulator gave an unreadable answer'));
      }
    });
    conn.on('error', (err) =>
      reject(
        new Error(
          /ENOENT|ECONNREFUSED/.test(err.message)
            ? `no virtual reader is running for the state directory ${stateDir}; start one with "readerdesk simulate --state ${stateDir}"`
            : err.message,
        ),
      ),
    );
  });
}
