import fs from 'node:fs';
import { SerialPort } from 'serialport';
import { Listeners, type Transport } from './transport.ts';
import { PortLostError, type PortLostReason } from '../../../shared/brp/errors.ts';
import { hostText } from '../../../shared/errors/hostError.ts';

/** How far the rate a port reports may be from the one asked for: about what a UART tolerates (8N1). */
const RATE_TOLERANCE = 0.03;

export interface SerialSettings {
  baudRate?: number;
}

/** A serial link with the BRP defaults (115200 baud, 8N1; decisions.md, Link). */
export class SerialTransport implements Transport {
  private port: SerialPort | undefined;
  private rate: number;
  private closing = false;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly lost = new Listeners<[string]>();

  constructor(readonly address: string, private readonly settings: SerialSettings = {}) {
    this.rate = settings.baudRate ?? 115200;
  }

  get baudRate(): number {
    return this.rate;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    this.closing = false;
    // A reopened port (after a restart) starts at the rate it was opened with: the reader's restart
    // restores its configured rate, whatever Sys.SetCommParam set before.
    this.rate = this.settings.baudRate ?? 115200;
    const port = new SerialPort({
      path: this.address,
      baudRate: this.rate,
      dataBits: 8,
      parity: 'none',
      stopBits: 1,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) => {
      port.open((err) => (err ? reject(new PortLostError(this.address, describeOpenError(this.address, err))) : resolve()));
    });
    await this.raiseDtr(port);
    port.on('data', (chunk: Buffer) => this.data.emit(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    port.on('close', (err: Error | null) => {
      if (!this.closing) this.lost.emit(err?.message ?? 'the port was closed');
    });
    port.on('error', (err: Error) => {
      if (!this.closing) this.lost.emit(err.message);
    });
    this.port = port;
  }

  /**
   * BALTECH's library raises DTR (and RTS) on open: older CP210x-based readers do not start without it
   * (real-readers.md, Link layer). A pseudo-terminal has no modem lines and refuses the request; that
   * is no fault. On a real port a refusal is, because such a reader would stay silent.
   */
  private async raiseDtr(port: SerialPort): Promise<void> {
    const err = await new Promise<Error | null>((resolve) => port.set({ dtr: true, rts: true }, (e) => resolve(e ?? null)));
    if (!err || isPseudoTerminal(this.address)) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
    throw new PortLostError(this.address, `the port was opened but refused to raise DTR (${err.message}); readers that wait for DTR do not start without it`);
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new PortLostError(this.address, 'the port is not open');
    await new Promise<void>((resolve, reject) => {
      port.write(Buffer.from(bytes), (err) => (err ? reject(new PortLostError(this.address, err.message)) : resolve()));
    });
  }

  async setBaudRate(baud: number): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) throw new PortLostError(this.address, 'the port is not open');
    const update = (rate: number) =>
      new Promise<void>((resolve, reject) => {
        port.update({ baudRate: rate }, (err) =>
          err ? reject(new PortLostError(this.address, `the port could not switch to ${rate} baud (${err.message})`)) : resolve(),
        );
      });
    await update(baud);
    // A USB-serial adapter that tops out below the rate may take the request and run the nearest rate it
    // has (Linux drivers report the rate they really run): that is a port that cannot run this rate.
    const actual = await port.port?.getBaudRate().then((r: { baudRate: number }) => r.baudRate, () => undefined);
    if (actual !== undefined && actual > 0 && Math.abs(actual - baud) > baud * RATE_TOLERANCE) {
      await update(this.rate).catch(() => undefined);
      throw new PortLostError(this.address, `the port runs at ${actual} baud when asked for ${baud}, so it cannot run ${baud}`);
    }
    this.rate = baud;
  }

  async close(): Promise<void> {
    this.closing = true;
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  onData(listener: (bytes: Uint8Array) => void) {
    return this.data.add(listener);
  }

  onLost(listener: (reason: string) => void) {
    return this.lost.add(listener);
  }
}

/** Linux /dev/pts/N (also behind a symlink such as the virtual reader's tty) and the BSD/macOS pty names. */
function isPseudoTerminal(path: string): boolean {
  let real = path;
  try {
    real = fs.realpathSync(path);
  } catch {
    // keep the name as given
  }
  return /^\/dev\/(pts\/\d+|ttys\d+|tty[p-wP-W][0-9a-f]|pty)/.test(real);
}

function describeOpenError(path: string, err: Error): PortLostReason {
  const msg = err.message;
  if (/ENOENT|No such file/i.test(msg)) return hostText('port.no-serial-port', { port: path });
  if (/EACCES|Permission denied/i.test(msg)) return hostText('port.denied', { port: path });
  if (/EBUSY|Resource busy|Cannot lock/i.test(msg)) return hostText('port.busy', { port: path });
  return msg;
}
