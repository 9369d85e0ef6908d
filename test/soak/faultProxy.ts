import net from 'node:net';
import { FrameReader, type CommandFrame, type FrameEvent, type ResponseFrame } from '../../shared/brp/frame.ts';

/**
 * A BRP-aware TCP proxy between a host and a reader that damages the line on purpose: it cuts
 * the stream into frames in both directions and asks a fault plan what to do with each one. It
 * knows nothing of uploads; plans decide by command code and count.
 */

export type FaultAction =
  | { kind: 'pass' }
  | { kind: 'drop' }
  | { kind: 'corrupt' }
  | { kind: 'delay'; ms: number }
  /** Closes both connections, as a pulled cable or a TCP reset does. */
  | { kind: 'cut' }
  /** Stops forwarding in both directions until the host gives up and connects again. */
  | { kind: 'stall' };

export interface FrameSeen {
  direction: 'to-reader' | 'to-host';
  cmdCode: number;
  /** Response status (to-host only). */
  status?: number;
  payload: Uint8Array;
  raw: Uint8Array;
}

export type FaultPlan = (frame: FrameSeen) => FaultAction;

export interface FaultProxy {
  address: string;
  port: number;
  setPlan(plan: FaultPlan): void;
  close(): Promise<void>;
}

const PASS: FaultAction = { kind: 'pass' };

export async function startFaultProxy(upstream: { host: string; port: number }, plan: FaultPlan = () => PASS): Promise<FaultProxy> {
  let current = plan;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const reader = net.connect(upstream);
    sockets.add(client);
    sockets.add(reader);
    let stalled = false;
    const cutBoth = () => {
      client.destroy();
      reader.destroy();
    };
    client.on('close', () => reader.destroy());
    reader.on('close', () => client.destroy());
    client.on('error', () => undefined);
    reader.on('error', () => undefined);
    client.once('close', () => sockets.delete(client));
    reader.once('close', () => sockets.delete(reader));
    // Frames leave in the order they came, also when one of them is delayed.
    let outToReader = Promise.resolve();
    let outToHost = Promise.resolve();
    const forward = (to: net.Socket, seen: FrameSeen, chain: 'reader' | 'host') => {
      if (stalled) return;
      const action = current(seen);
      const send = async () => {
        if (stalled || to.destroyed) return;
        switch (action.kind) {
          case 'pass':
            to.write(seen.raw);
            return;
          case 'drop':
            return;
          case 'corrupt': {
            const bytes = seen.raw.slice();
            bytes[Math.max(0, bytes.length - 3)]! ^= 0x5a;
            to.write(bytes);
            return;
          }
          case 'delay':
            await new Promise((r) => setTimeout(r, action.ms));
            if (!to.destroyed) to.write(seen.raw);
            return;
          case 'cut':
            cutBoth();
            return;
          case 'stall':
            stalled = true;
            return;
        }
      };
      if (chain === 'reader') outToReader = outToReader.then(send);
      else outToHost = outToHost.then(send);
    };
    const commands = FrameReader.forCommands();
    const responses = FrameReader.forResponses();
    client.on('data', (chunk) => {
      for (const ev of commands.push(new Uint8Array(chunk))) {
        const seen = describe(ev, 'to-reader');
        if (seen) forward(reader, seen, 'reader');
        else if (!stalled) reader.write(ev.raw);
      }
    });
    reader.on('data', (chunk) => {
      for (const ev of responses.push(new Uint8Array(chunk))) {
        const seen = describe(ev, 'to-host');
        if (seen) forward(client, seen, 'host');
        else if (!stalled) client.write(ev.raw);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    address: `tcp://127.0.0.1:${port}`,
    setPlan(p) {
      current = p;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function describe(ev: FrameEvent<CommandFrame> | FrameEvent<ResponseFrame>, direction: FrameSeen['direction']): FrameSeen | null {
  if (ev.kind !== 'frame') return null;
  const f = ev.frame as CommandFrame & Partial<ResponseFrame>;
  return { direction, cmdCode: f.cmdCode, status: f.status, payload: f.payload, raw: ev.raw };
}
