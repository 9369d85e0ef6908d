// The baud rate another process set on a serial device, read without changing anything: a second
// handle on the device that is never read from. The virtual reader uses it on the host's end of its
// pty, where a pty keeps the host's settings although it carries bytes at any rate.

import { autoDetect } from '@serialport/bindings-cpp';

type OpenedPort = Awaited<ReturnType<ReturnType<typeof autoDetect>['open']>>;

export class TtyRateWatch {
  private constructor(private readonly port: OpenedPort) {}

  /**
   * Opens `path` for watching. Opening sets the device's settings once, so open it before anyone
   * else uses the device; it takes no lock, so the device's user can open it as usual afterwards.
   */
  static async open(path: string): Promise<TtyRateWatch> {
    return new TtyRateWatch(await autoDetect().open({ path, baudRate: 115200, lock: false, hupcl: false }));
  }

  /** The rate the device is set to now; undefined where the binding cannot tell (it reads it on Linux only). */
  async baudRate(): Promise<number | undefined> {
    if (!this.port.isOpen) return undefined;
    try {
      const { baudRate } = await this.port.getBaudRate();
      return baudRate > 0 ? baudRate : undefined;
    } catch {
      return undefined;
    }
  }

  async close(): Promise<void> {
    if (this.port.isOpen) await this.port.close().catch(() => undefined);
  }
}
