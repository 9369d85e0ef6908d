import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { Listeners } from '../../shared/listeners.ts';
import type { ByteLink } from './byteLink.ts';

/** What the simulator keeps open on the host's end of the pty: only to read the rate the host set there. */
type HostEndWatch = Awaited<ReturnType<typeof SerialPort.binding.open>>;

export interface PtyLinkOptions {
  /**
   * Keep the host's end open (never read) to tell which baud rate the host's port runs at: a pty
   * carries bytes at any rate, but its settings are the host's (for an emulated line, `EmulatedLine`).
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
  /** Where socat puts the host's end until it may be published under `address`. */
  private readonly hostEndBeforeStart: string;
  private socat: ChildProcess | undefined;
  private port: SerialPort | undefined;
  private hostEnd: HostEndWatch | undefined;
  private readonly listeners = new Listeners<[Uint8Array]>();
  private closed = false;

  private constructor(dir: string, private readonly opts: PtyLinkOptions) {
    this.address = path.resolve(dir, 'tty');
    this.simEnd = path.resolve(dir, '.tty-sim');
    this.hostEndBeforeStart = path.resolve(dir, '.tty-host');
  }

  static async create(dir: string, opts: PtyLinkOptions = {}): Promise<PtyLink> {
    const link = new PtyLink(dir, opts);
    await link.start();
    return link;
  }

  /** The baud rate the host's port is set to; undefined where it cannot be told (not watched, not Linux, off the line). */
  async hostBaud(): Promise<number | undefined> {
    const end = this.hostEnd;
    if (!end?.isOpen) return undefined;
    try {
      const { baudRate } = await end.getBaudRate();
      return baudRate > 0 ? baudRate : undefined;
    } catch {
      return undefined;
    }
  }

  onData(listener: (bytes: Uint8Array) => void): void {
    this.listeners.add(listener);
  }

  async write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port?.isOpen) return; // off the line: bytes are lost, as on a real wire
    // Never let a write that the OS does not confirm stall the reader: give up after a second.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      port.write(Buffer.from(bytes), () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  async dropOff(ms: number): Promise<void> {
    // A reader finishes sending its answer before it reboots; socat still has to carry the last
    // bytes across, so give the answer time to arrive before the line goes dead.
    const port = this.port;
    if (port?.isOpen) await new Promise<void>((resolve) => port.drain(() => resolve()));
    await new Promise((r) => setTimeout(r, 50));
    await this.stop();
    await new Promise((r) => setTimeout(r, ms));
    if (!this.closed) await this.start();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  private async start(): Promise<void> {
    for (const p of [this.address, this.simEnd, this.hostEndBeforeStart]) fs.rmSync(p, { force: true });
    // A watched host end is opened before the host can see it (then renamed into place), so the
    // simulator's open never changes settings a host has made.
    const hostLink = this.opts.watchHostRate ? this.hostEndBeforeStart : this.address;
    const args = ['-d', '-d', `pty,raw,echo=0,link=${hostLink}`, `pty,raw,echo=0,link=${this.simEnd}`];
    // setpriv --pdeathsig: socat dies with the simulator, even when the simulator is killed outright.
    const socat = HAS_SETPRIV
      ? spawn('setpriv', ['--pdeathsig', 'KILL', 'socat', ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
      : spawn('socat', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    socat.stderr?.resume();
    const spawnError = new Promise<never>((_, reject) =>
      socat.once('error', (err) =>
        reject(new Error(/ENOENT/.test(err.message) ? 'socat is not installed (Debian: apt-get install socat)' : err.message)),
      ),
    );
    this.socat = socat;
    await Promise.race([waitFor(() => fs.existsSync(hostLink) && fs.existsSync(this.simEnd), 5000), spawnError]);
    if (this.opts.watchHostRate) {
      this.hostEnd = await SerialPort.binding.open({ path: hostLink, baudRate: 115200, lock: false, hupcl: false }).catch(() => undefined);
      fs.renameSync(hostLink, this.address);
    }
    const port = new SerialPort({ path: this.simEnd, baudRate: 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
    port.on('data', (chunk: Buffer) => {
      const bytes = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      this.listeners.emit(bytes);
    });
    port.on('error', () => undefined);
    this.port = port;
  }

  private async stop(): Promise<void> {
    const port = this.port;
    this.port = undefined;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    const hostEnd = this.hostEnd;
    this.hostEnd = undefined;
    if (hostEnd?.isOpen) await hostEnd.close().catch(() => undefined);
    const socat = this.socat;
    this.socat = undefined;
    if (socat && socat.exitCode === null) {
      const exited = new Promise((r) => socat.once('exit', r));
      socat.kill('SIGTERM');
      await exited;
    }
    for (const p of [this.address, this.simEnd, this.hostEndBeforeStart]) fs.rmSync(p, { force: true });
  }
}

const HAS_SETPRIV = process.platform === 'linux' && ['/usr/bin/setpriv', '/bin/setpriv'].some((p) => fs.existsSync(p));

async function waitFor(cond: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error('socat did not create the pty pair in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
