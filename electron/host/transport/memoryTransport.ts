import { Listeners, type Transport } from './transport.ts';
import { PortLostError, type PortLostReason } from '../../../shared/brp/errors.ts';
import { hostText } from '../../../shared/errors/hostError.ts';

/**
 * Two connected in-memory ends, for unit tests and benchmarks. Delivery is asynchronous
 * (a microtask later) so code sees the same ordering as with real I/O.
 */
export class MemoryTransport implements Transport {
  peer: MemoryTransport | undefined;
  private open_ = false;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly lost = new Listeners<[PortLostReason]>();

  constructor(readonly address: string) {}

  static pair(): [MemoryTransport, MemoryTransport] {
    const a = new MemoryTransport('memory://host');
    const b = new MemoryTransport('memory://reader');
    a.peer = b;
    b.peer = a;
    return [a, b];
  }

  get isOpen(): boolean {
    return this.open_;
  }

  async open(): Promise<void> {
    this.open_ = true;
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (!this.open_) throw new PortLostError(this.address, hostText('port.link-closed', {}));
    const copy = bytes.slice();
    const peer = this.peer;
    queueMicrotask(() => {
      if (peer?.open_) peer.data.emit(copy);
    });
  }

  async close(): Promise<void> {
    this.open_ = false;
  }

  /** Simulates a pulled cable: both ends see the link go away. */
  sever(reason = 'the link was cut'): void {
    for (const end of [this, this.peer]) {
      if (end?.open_) {
        end.open_ = false;
        end.lost.emit(reason);
      }
    }
  }

  onData(listener: (bytes: Uint8Array) => void) {
    return this.data.add(listener);
  }

  onLost(listener: (reason: PortLostReason) => void) {
    return this.lost.add(listener);
  }
}
