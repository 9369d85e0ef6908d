import type { ByteLink } from './byteLink.ts';

/** Minimal transport end the in-memory link wraps (electron/host's MemoryTransport fits). */
export interface MemoryEnd {
  open(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  onData(listener: (bytes: Uint8Array) => void): unknown;
}

/** The virtual reader on an in-memory wire, for unit tests and benchmarks. */
export class MemoryLink implements ByteLink {
  readonly address = 'memory://reader';
  constructor(private readonly end: MemoryEnd) {}
  onData(listener: (bytes: Uint8Array) => void): void {
    this.end.onData(listener);
  }
  write(bytes: Uint8Array): Promise<void> {
    return this.end.write(bytes);
  }
  async dropOff(): Promise<void> {
    // An in-memory reader reboots instantly.
  }
  close(): Promise<void> {
    return this.end.close();
  }
}
