import net from 'node:net';
import { Listeners } from '../../shared/listeners.ts';
import type { ByteLink } from './byteLink.ts';

/** The virtual reader on TCP: one host at a time, like a reader's Ethernet BRP port. */
export class TcpLink implements ByteLink {
  private server: net.Server | undefined;
  private client: net.Socket | undefined;
  private readonly listeners = new Listeners<[Uint8Array]>();
  private closed = false;
  address = '';

  private constructor(private readonly host: string, private port: number) {}

  static async create(host: string, port: number): Promise<TcpLink> {
    const link = new TcpLink(host, port);
    await link.listen();
    return link;
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.listeners.add(listener);
  }

  async write(bytes: Uint8Array): Promise<void> {
    const c = this.client;
    if (!c || c.destroyed) return;
    await new Promise<void>((resolve) => c.write(bytes, () => resolve()));
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
