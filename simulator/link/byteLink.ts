// What the virtual reader needs from a wire: bytes in, bytes out, and a way to drop off the line.

export interface ByteLink {
  /** The address a host opens: a device path or tcp://host:port. */
  readonly address: string;
  onData(listener: (bytes: Uint8Array) => void): void;
  write(bytes: Uint8Array): Promise<void>;
  /** Disappear for `ms` milliseconds, as a reader does while it reboots (decisions.md, Link). */
  dropOff(ms: number): Promise<void>;
  close(): Promise<void>;
}
