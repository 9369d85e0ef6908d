import net from 'node:net';
import { Listeners } from '../../shared/listeners.ts';
import type { ByteLink } from './byteLink.ts';

export interface TcpLinkOptions {
  /**
   * Send every answer as two TCP segments this many milliseconds apart, as a network may deliver
   * it; a host must read answers by their length field, not by a pause (real-readers.md, Link layer).
   */
  splitMs?: number;
}

/** The virtual reader on TCP: one host at a time, like a reader's Ethernet BRP port. */
export class TcpLink implements ByteLink {
  private server: net.Server | undefined;
  private client: net.Socket | undefined;
  private readonly listeners = new Listeners<[Uint8Array]>();
  private closed = false;
  address = '';

  private constructor(private readonly host: string, private port: number, private readonly opts: TcpLinkOptions) {}

  static async create(host: string, port: number, opts: TcpLinkOptions = {}): Promise<TcpLink> {
    const link = new TcpLink(host, port, opts);
    await link.listen();
    return link;
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.listeners.add(listener);
  }

  async write(bytes: Uint8Array): Promise<void> {
    const c = this.client;
    if (!c || c.destroyed) return;
    const splitMs = this.opts.splitMs;
    if (!splitMs || bytes.length < 2) {
      await new Promise<void>((resolve) => c.write(bytes, () => resolve()));
      return;
    }
    // Nagle is off (setNoDelay), so each write leaves as its own segment.
    const half = Math.ceil(bytes.length / 2);
    await new Promise<void>((resolve) => c.write(bytes.subarray(0, half), () => resolve()));
    await new Promise((r) => setTimeout(r, splitMs));
    if (c.destroyed) return;
    await new Promise<void>((resolve) => c.write(bytes.subarray(half), () => resolve()));
  }

  async dropOff(ms: number): Promise<void> {
    await new Promise((r) => setTimeout(r, 50)); // let the answer reach the host first
    await this.stop();
    await new Promise((r) => setTimeout(r, ms));
    if (!this.closed) await this.listen();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private async listen(): Promise<void> {
    const server = net.createServer((socket) => {
      // A reader serves one host; a second connection replaces the first (the old host has gone away).
      this.client?.destroy();
      this.client = socket;
      socket.setNoDelay(true);
      socket.on('data', (chunk) => {
        const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        this.listeners.emit(bytes);
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => resolve());
    });
    const addr = server.address() as net.AddressInfo;
    this.port = addr.port; // keep the same port across reboots even when 0 was asked for
    this.address = `tcp://${this.host}:${addr.port}`;
    this.server = server;
  }

  private async stop(): Promise<void> {
    this.client?.destroy();
    this.client = undefined;
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
