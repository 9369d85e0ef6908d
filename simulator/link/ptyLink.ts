import fs from 'node:fs';
import path from 'node:path';
import { SerialDevice } from '../../node/serial/serialDevice.ts';
import { TtyRateWatch } from '../../node/serial/ttyRate.ts';
import { Listeners } from '../../shared/listeners.ts';
import type { ByteLink } from './byteLink.ts';
import { socatInstalled, socatLauncher, type SocatProcess } from './socatLauncher.ts';

export interface PtyLinkOptions {
  /**
   * Keep a handle on the host's end (never read) to tell which baud rate the host's port runs at: a
   * pty carries bytes at any rate, but it keeps the host's settings (for `EmulatedLine`).
   */
  watchHostRate?: boolean;
}

/**
 * A real serial device for the virtual reader: socat creates a pty pair; the host opens one end
 * (a stable symlink in the state directory), the simulator the other. Rebooting kills socat, so the
 * host sees its port vanish exactly as with a USB reader that re-enumerates.
 */
export class PtyLink implements ByteLink {
  readonly address: string;
  private readonly simEnd: string;
  /** Where the pty pair for after a restart is made (see dropOff). */
  private readonly nextAddress: string;
  private readonly nextSimEnd: string;
  private socat: SocatProcess | undefined;
  private port: SerialDevice | undefined;
  private hostEnd: TtyRateWatch | undefined;
  private readonly listeners = new Listeners<[Uint8Array]>();
  private closed = false;

  private constructor(dir: string, private readonly opts: PtyLinkOptions) {
    this.address = path.resolve(dir, 'tty');
    this.simEnd = path.resolve(dir, '.tty-sim');
    this.nextAddress = path.resolve(dir, '.tty-next');
    this.nextSimEnd = path.resolve(dir, '.tty-sim-next');
  }

  static async create(dir: string, opts: PtyLinkOptions = {}): Promise<PtyLink> {
    const link = new PtyLink(dir, opts);
    if (opts.watchHostRate) {
      // The host's end gets its name only once it is watched, so watching never changes a host's settings.
      await link.start(link.nextAddress, link.simEnd);
      await link.openSimEnd();
      await link.publishHostEnd();
    } else {
      await link.start(link.address, link.simEnd);
      await link.openSimEnd();
    }
    return link;
  }

  /** The baud rate the host's port is set to; undefined where it cannot be told (not watched, not Linux, off the line). */
  async hostBaud(): Promise<number | undefined> {
    return this.hostEnd?.baudRate();
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.listeners.add(listener);
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return; // off the line: bytes are lost, as on a real wire
    // Never let a write that the OS does not confirm stall the reader: give up after a second.
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      port.write(bytes).catch(() => undefined),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, 1000))),
    ]);
    clearTimeout(timer);
  }

  async dropOff(ms: number): Promise<void> {
    // A reader finishes sending its answer before it reboots; socat still has to carry the last
    // bytes across, so give the answer time to arrive before the line goes dead.
    const port = this.port;
    if (port?.isOpen) await port.drain().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 50));
    // The restart takes its time from the moment the reader goes off the line. Ending socat is the
    // emulation's own cost (a fleet's launcher ends its socats one after another), so it must not
    // make the reader come back later.
    const offLine = new Promise((r) => setTimeout(r, ms));
    await this.stop();
    if (this.closed) return;
    // The next pty pair is made while the reader is off the line, under names the host does not
    // look for, and takes the port's name when the restart is over: the reader is back on the line
    // when its restart time is up, not a socat start-up later.
    await this.start(this.nextAddress, this.nextSimEnd);
    await offLine;
    if (this.closed) return;
    fs.renameSync(this.nextSimEnd, this.simEnd);
    await this.openSimEnd();
    await this.publishHostEnd();
  }

  /** Gives the host's end (made at nextAddress) the port's name, watched first where asked. */
  private async publishHostEnd(): Promise<void> {
    if (this.opts.watchHostRate) this.hostEnd = await TtyRateWatch.open(this.nextAddress).catch(() => undefined);
    fs.renameSync(this.nextAddress, this.address);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  /** Starts socat with a pty pair whose ends appear at `hostLink` and `simLink`. */
  private async start(hostLink: string, simLink: string): Promise<void> {
    for (const p of [hostLink, simLink]) fs.rmSync(p, { force: true });
    const args = [`pty,raw,echo=0,link=${hostLink}`, `pty,raw,echo=0,link=${simLink}`];
    this.socat = socatLauncher().start(args);
    try {
      await waitFor(() => fs.existsSync(hostLink) && fs.existsSync(simLink), 5000);
    } catch (err) {
      if (!socatInstalled()) throw new Error('socat is not installed (Debian: apt-get install socat)');
      throw err;
    }
  }

  private async openSimEnd(): Promise<void> {
    const port = await SerialDevice.open(this.simEnd, { baudRate: 115200 });
    port.onData((bytes) => this.listeners.emit(bytes));
    this.port = port;
  }

  private async stop(): Promise<void> {
    // The port vanishes at once, as a USB reader's does when it restarts, however long socat takes to end.
    fs.rmSync(this.address, { force: true });
    const port = this.port;
    this.port = undefined;
    await port?.close();
    const hostEnd = this.hostEnd;
    this.hostEnd = undefined;
    await hostEnd?.close();
    const socat = this.socat;
    this.socat = undefined;
    await socat?.stop();
    for (const p of [this.address, this.simEnd, this.nextAddress, this.nextSimEnd]) fs.rmSync(p, { force: true });
  }
}


async function waitFor(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('socat did not create the pty pair in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
