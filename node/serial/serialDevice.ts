// A serial device opened through serialport's native binding, read and written without the stream
// layer. serialport's stream reads through libuv's thread pool: every chunk costs a hand-off to a
// worker thread and back, about 150 µs of CPU per round trip on Linux, which at 64 readers was most
// of the host's and the virtual readers' CPU. On Unix the binding already watches the descriptor
// with epoll (its poller); reading and writing the non-blocking descriptor right when it is ready
// costs a system call each. Windows has no such descriptor: there the binding's own read loop runs.

import fs from 'node:fs';
import { autoDetect, type AutoDetectTypes } from '@serialport/bindings-cpp';
import { Listeners } from '../../shared/listeners.ts';

type OpenedPort = Awaited<ReturnType<AutoDetectTypes['open']>>;

/** The part of serialport's Unix poller this module uses. */
interface ReadinessPoller {
  once(event: 'readable' | 'writable', callback: (err: Error | null) => void): unknown;
}

export interface SerialDeviceOptions {
  baudRate: number;
}

/** Bytes read in one go; a BRP frame and a simulator's answer fit many times over. */
const READ_CHUNK = 64 * 1024;

export class SerialDevice {
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly lost = new Listeners<[Error]>();
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly readBuffer = Buffer.allocUnsafe(READ_CHUNK);

  private constructor(
    readonly path: string,
    private readonly port: OpenedPort,
  ) {}

  /** Opens `path` at 8N1 and the given rate; rejects with the binding's error (ENOENT, EACCES, EBUSY, ...). */
  static async open(path: string, opts: SerialDeviceOptions): Promise<SerialDevice> {
    const port = await autoDetect().open({ path, baudRate: opts.baudRate, dataBits: 8, parity: 'none', stopBits: 1 });
    const device = new SerialDevice(path, port);
    device.startReading();
    return device;
  }

  get isOpen(): boolean {
    return !this.closed && this.port.isOpen;
  }

  onData(listener: (bytes: Uint8Array) => void): () => void {
    return this.data.add(listener);
  }

  /** The device went away or failed (a USB adapter unplugged, the pty's other end closed). Not called after close(). */
  onLost(listener: (err: Error) => void): () => void {
    return this.lost.add(listener);
  }

  /** Resolves once the operating system took all bytes, in the order of the calls. */
  write(bytes: Uint8Array): Promise<void> {
    const job = this.writing.then(() => this.writeNow(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
    this.writing = job.catch(() => undefined);
    return job;
  }

  /** Waits until the bytes written so far have left the port. */
  async drain(): Promise<void> {
    await this.writing;
    if (this.isOpen) await this.port.drain();
  }

  async setBaudRate(baudRate: number): Promise<void> {
    await this.port.update({ baudRate });
  }

  /** The rate the driver says the port runs at; undefined where it cannot tell (the binding implements it on Linux only). */
  async actualBaudRate(): Promise<number | undefined> {
    try {
      const { baudRate } = await this.port.getBaudRate();
      return baudRate > 0 ? baudRate : undefined;
    } catch {
      return undefined;
    }
  }

  async setModemLines(lines: { dtr: boolean; rts: boolean }): Promise<void> {
    await this.port.set({ brk: false, cts: false, ...lines });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.port.isOpen) await this.port.close().catch(() => undefined);
  }

  private unixDescriptor(): { fd: number; poller: ReadinessPoller } | undefined {
    const port = this.port as { fd?: unknown; poller?: ReadinessPoller };
    return typeof port.fd === 'number' && port.poller ? { fd: port.fd, poller: port.poller } : undefined;
  }

  private startReading(): void {
    const unix = this.unixDescriptor();
    if (unix) this.awaitReadable(unix.fd, unix.poller);
    else void this.readLoop();
  }

  private awaitReadable(fd: number, poller: ReadinessPoller): void {
    poller.once('readable', (err) => {
      if (this.closed) return;
      if (err) return this.fail(err);
      let n: number;
      try {
        n = fs.readSync(fd, this.readBuffer, 0, READ_CHUNK, null);
      } catch (readErr) {
        if (!isWouldBlock(readErr)) return this.fail(readErr as Error);
        n = 0;
      }
      // A copy: the buffer is reused for the next read while listeners may keep what they got.
      if (n > 0) this.data.emit(new Uint8Array(this.readBuffer.subarray(0, n)));
      // epoll is level-triggered: bytes still waiting make the poller fire again at once.
      if (!this.closed) this.awaitReadable(fd, poller);
    });
  }

  private async readLoop(): Promise<void> {
    while (!this.closed) {
      try {
        const { bytesRead } = await this.port.read(this.readBuffer, 0, READ_CHUNK);
        if (bytesRead > 0) this.data.emit(new Uint8Array(this.readBuffer.subarray(0, bytesRead)));
      } catch (err) {
        return this.fail(err as Error);
      }
    }
  }

  private async writeNow(buffer: Buffer): Promise<void> {
    if (!this.isOpen) throw new Error('the port is not open');
    const unix = this.unixDescriptor();
    if (!unix) return this.port.write(buffer);
    let offset = 0;
    while (offset < buffer.length) {
      try {
        offset += fs.writeSync(unix.fd, buffer, offset, buffer.length - offset);
      } catch (err) {
        if (!isWouldBlock(err)) throw err;
        // The driver's buffer is full (a slow line): wait until it takes more.
        await new Promise<void>((resolve, reject) => unix.poller.once('writable', (e) => (e ? reject(e) : resolve())));
      }
    }
  }

  private fail(err: Error): void {
    if (this.closed) return;
    // Canceled means close() stopped the poller: no fault of the device.
    if ((err as { canceled?: boolean }).canceled) return;
    this.closed = true;
    void this.port.close().catch(() => undefined);
    this.lost.emit(new Error(`the port was disconnected (${err.message})`, { cause: err }));
  }
}

function isWouldBlock(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EAGAIN' || code === 'EWOULDBLOCK' || code === 'EINTR';
}
