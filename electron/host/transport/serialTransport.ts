import fs from 'node:fs';
import { SerialDevice } from '../../../node/serial/serialDevice.ts';
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
  private device: SerialDevice | undefined;
  private rate: number;
  /** Counts close() calls, so an open() that a close() overtook gives its port back instead of keeping it locked. */
  private closes = 0;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly lost = new Listeners<[PortLostReason]>();

  constructor(readonly address: string, private readonly settings: SerialSettings = {}) {
    this.rate = settings.baudRate ?? 115200;
  }

  get baudRate(): number {
    return this.rate;
  }

  get isOpen(): boolean {
    return this.device?.isOpen ?? false;
  }

  async open(): Promise<void> {
    // A reopened port (after a restart) starts at the rate it was opened with: the reader's restart
    // restores its configured rate, whatever Sys.SetCommParam set before.
    this.rate = this.settings.baudRate ?? 115200;
    const closesBefore = this.closes;
    let device: SerialDevice;
    try {
      device = await SerialDevice.open(this.address, { baudRate: this.rate });
    } catch (err) {
      throw new PortLostError(this.address, describeOpenError(this.address, err as Error));
    }
    await this.raiseDtr(device);
    if (this.closes !== closesBefore) {
      await device.close();
      throw new PortLostError(this.address, hostText('port.closed-while-opening', {}));
    }
    device.onData((bytes) => this.data.emit(bytes));
    // The device words a lost port as "the port was disconnected (<the system's words>)".
    device.onLost((err) => this.lost.emit(err.cause instanceof Error ? hostText('port.disconnected', { why: err.cause.message }) : err.message));
    this.device = device;
  }

  /**
   * BALTECH's library raises DTR (and RTS) on open: older CP210x-based readers do not start without it
   * (real-readers.md, Link layer). A pseudo-terminal has no modem lines and refuses the request; that
   * is no fault. On a real port a refusal is, because such a reader would stay silent.
   */
  private async raiseDtr(device: SerialDevice): Promise<void> {
    const err = await device.setModemLines({ dtr: true, rts: true }).then(
      () => null,
      (e: Error) => e,
    );
    if (!err || isPseudoTerminal(this.address)) return;
    await device.close();
    throw new PortLostError(this.address, hostText('port.dtr-refused', { why: err.message }));
  }

  async write(bytes: Uint8Array): Promise<void> {
    const device = this.device;
    if (!device?.isOpen) throw new PortLostError(this.address, hostText('port.not-open', {}));
    await device.write(bytes).catch((err: Error) => {
      throw new PortLostError(this.address, err.message);
    });
  }

  async setBaudRate(baud: number): Promise<void> {
    const device = this.device;
    if (!device?.isOpen) throw new PortLostError(this.address, hostText('port.not-open', {}));
    const update = (rate: number) =>
      device.setBaudRate(rate).catch((err: Error) => {
        throw new PortLostError(this.address, hostText('port.rate-switch-failed', { rate: String(rate), why: err.message }));
      });
    await update(baud);
    // A USB-serial adapter that tops out below the rate may take the request and run the nearest rate it
    // has (Linux drivers report the rate they really run): that is a port that cannot run this rate.
    const actual = await device.actualBaudRate();
    if (actual !== undefined && Math.abs(actual - baud) > baud * RATE_TOLERANCE) {
      await update(this.rate).catch(() => undefined);
      throw new PortLostError(this.address, hostText('port.rate-not-taken', { actual: String(actual), baud: String(baud) }));
    }
    this.rate = baud;
  }

  async close(): Promise<void> {
    this.closes++;
    const device = this.device;
    this.device = undefined;
    await device?.close();
  }

  onData(listener: (bytes: Uint8Array) => void) {
    return this.data.add(listener);
  }

  onLost(listener: (reason: PortLostReason) => void) {
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
