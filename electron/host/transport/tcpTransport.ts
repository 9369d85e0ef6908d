import net from 'node:net';
import { Listeners, type Transport } from './transport.ts';
import { PortLostError, type PortLostReason } from '../../../shared/brp/errors.ts';
import { hostText } from '../../../shared/errors/hostError.ts';
import { formatTcpAddress, parseTcpAddress, TcpAddressError } from '../../../shared/brp/tcpAddress.ts';

/** BRP_DEFAULT_TCPIP_ROUNDTRIP_TIMEOUT of BALTECH's SDK (real-readers.md, Link layer). */
export const TCP_ROUNDTRIP_MARGIN_MS = 1500;

/** BRP over TCP (readers with an Ethernet interface, and the virtual reader's --tcp mode). */
export class TcpTransport implements Transport {
  private socket: net.Socket | undefined;
  private closing = false;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly lost = new Listeners<[PortLostReason]>();
  readonly address: string;
  readonly roundTripMarginMs = TCP_ROUNDTRIP_MARGIN_MS;

  constructor(private readonly host: string, private readonly port: number) {
    this.address = formatTcpAddress({ host, port });
  }

  /** tcp://host:port, or tcp://host for a reader on the BRP default port 2939. */
  static parse(address: string): TcpTransport {
    let parsed;
    try {
      parsed = parseTcpAddress(address);
    } catch (err) {
      throw new PortLostError(address, err instanceof TcpAddressError ? err.problem : (err as Error).message);
    }
    return new TcpTransport(parsed.host, parsed.port);
  }

  get isOpen(): boolean {
    return !!this.socket && !this.socket.destroyed;
  }

  async open(): Promise<void> {
    this.closing = false;
    const socket = await new Promise<net.Socket>((resolve, reject) => {
      const s = net.connect({ host: this.host, port: this.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new PortLostError(this.address, hostText('port.connect-timeout', {})));
      }, 5000);
      s.once('connect', () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once('error', (err) => {
        clearTimeout(timer);
        reject(new PortLostError(this.address, /ECONNREFUSED/.test(err.message) ? hostText('port.nothing-listening', {}) : err.message));
      });
    });
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    socket.on('close', () => {
      if (!this.closing) this.lost.emit(hostText('port.reader-closed', {}));
    });
    socket.on('error', () => {
      /* 'close' follows and reports it */
    });
    this.socket = socket;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const s = this.socket;
    if (!s || s.destroyed) throw new PortLostError(this.address, hostText('port.closed', {}));
    await new Promise<void>((resolve, reject) => s.write(bytes, (err) => (err ? reject(new PortLostError(this.address, err.message)) : resolve())));
  }

  async close(): Promise<void> {
    this.closing = true;
    const s = this.socket;
    this.socket = undefined;
    if (s && !s.destroyed) await new Promise<void>((resolve) => s.end(() => { s.destroy(); resolve(); }));
  }

  onData(listener: (bytes: Uint8Array) => void) {
    return this.data.add(listener);
  }

  onLost(listener: (reason: PortLostReason) => void) {
    return this.lost.add(listener);
  }
}
