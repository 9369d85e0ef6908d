import type { ByteLink } from './byteLink.ts';

/** How fast the emulated line between the host's port and the reader's UART carries bytes. */
export interface LineLimits {
  /** The fastest rate the line carries in both directions (a long cable, a level converter). */
  maxBaud?: number;
  /** The fastest rate the reader's answers arrive intact at (a weak line driver on the reader's side); its commands still arrive. */
  answersMaxBaud?: number;
}

/** A link that can tell which rate the host's port runs at (the pty's settings); undefined when it cannot. */
export interface HostRateLink extends ByteLink {
  hostBaud(): Promise<number | undefined>;
}

/**
 * The wire between a host's serial port and the reader, as a real one behaves: a byte arrives intact
 * only when both ends run the same rate (a UART at another rate reads something else) and the line
 * carries that rate. Otherwise it arrives damaged, so the reader does not understand the host's
 * frames, or its answers reach the host as garbage. The reader itself is not changed: it takes any
 * rate Sys.SetCommParam asks for; only the line fails.
 */
export class EmulatedLine implements ByteLink {
  private incoming: Promise<void> = Promise.resolve();
  private lastChunkAt = 0;
  private sentSinceLastChunk = true;
  private hostRateOfFrame: number | undefined;

  constructor(
    private readonly inner: HostRateLink,
    /** The reader's UART rate now (Sys.SetCommParam changes it). */
    private readonly readerBaud: () => number,
    /** Changeable while running: a line that gets worse. */
    readonly limits: LineLimits,
  ) {}

  get address(): string {
    return this.inner.address;
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.inner.onData((bytes) => {
      // Chunks are judged in order; the host's rate is asked once per frame (it changes rates only between frames).
      this.incoming = this.incoming.then(async () => {
        const host = await this.hostRateForChunk();
        const reader = this.readerBaud();
        listener(this.carries(host, reader, this.limits.maxBaud) ? bytes : damaged(bytes));
      });
    });
  }

  async write(bytes: Uint8Array): Promise<void> {
    // The answer leaves at the reader's rate now; the host reads it at its own.
    const reader = this.readerBaud();
    const host = await this.inner.hostBaud();
    const max = Math.min(this.limits.maxBaud ?? Infinity, this.limits.answersMaxBaud ?? Infinity);
    this.sentSinceLastChunk = true;
    await this.inner.write(this.carries(host, reader, max) ? bytes : damaged(bytes));
  }

  dropOff(ms: number): Promise<void> {
    return this.inner.dropOff(ms);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private carries(host: number | undefined, reader: number, max: number | undefined): boolean {
    return (host === undefined || host === reader) && reader <= (max ?? Infinity);
  }

  /** A chunk that follows the previous one within the reader's 20 ms gap, with no answer between, belongs to the same frame. */
  private async hostRateForChunk(): Promise<number | undefined> {
    const now = Date.now();
    const sameFrame = !this.sentSinceLastChunk && now - this.lastChunkAt <= 20;
    this.lastChunkAt = now;
    this.sentSinceLastChunk = false;
    if (!sameFrame) this.hostRateOfFrame = await this.inner.hostBaud();
    return this.hostRateOfFrame;
  }
}

/**
 * What a UART makes of bytes sent at a rate it does not read, or through a line too slow for them:
 * fewer bytes, none of them the ones sent. Deterministic, so a test sees the same damage every run.
 */
export function damaged(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(bytes.length / 2));
  for (let i = 0; i < out.length; i++) {
    const b = bytes[2 * i]!;
    out[i] = (((b << 3) | (b >> 5)) & 0xff) ^ 0x5a;
  }
  return out;
}
