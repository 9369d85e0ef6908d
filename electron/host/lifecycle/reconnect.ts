import fs from 'node:fs';
import path from 'node:path';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import type { BrpSession, SessionOptions } from '../brp/session.ts';
import { openSession } from '../readers/openSession.ts';
import { listSerialPorts } from '../ports/listPorts.ts';
import { PortLostError } from '../../../shared/brp/errors.ts';
import { hostText, reasonOf } from '../../../shared/errors/hostError.ts';
import type { HostParam } from '../../../shared/errors/hostText.ts';
import { isHidAddress } from '../transport/baltechHid.ts';

/** BALTECH's uploader allows this long for a restart, plus the reader's own retry timeout (brp.md 4.16). */
export const RECONNECT_BASE_MS = 10_000;
/** How long a serial port may take to vanish when the reader restarts; an RS-232 port never does. */
export const PORT_GONE_WINDOW_MS = 1500;

export interface ReconnectOptions extends SessionOptions {
  /** ReconnectRetryTimeout the reader sent with its upload answer; added to the base. */
  retryTimeoutMs?: number;
  /** The base time allowed for the restart (default 10 s). */
  baseTimeoutMs?: number;
  /** How long to watch for the serial port to disappear before going on without (default 1.5 s). */
  portGoneWindowMs?: number;
}

/**
 * Waits for a restarting reader and opens a new session, the way BALTECH's uploader does
 * (real-readers.md, Upload and restart): on a serial port until the operating system's port has
 * gone and come back, over TCP by reconnecting; either way until 10 s plus the reader's retry
 * timeout have passed. Only an answer to Sys.GetBootStatus counts; an open port proves nothing.
 */
export async function reconnectSession(address: string, opts: ReconnectOptions = {}): Promise<BrpSession> {
  const deadline = Date.now() + (opts.baseTimeoutMs ?? RECONNECT_BASE_MS) + (opts.retryTimeoutMs ?? 0);
  let last: HostParam = hostText('reader.did-not-come-back', {});
  if (isSerialPort(address)) {
    const seen = await waitForPortRestart(address, deadline, opts.portGoneWindowMs ?? PORT_GONE_WINDOW_MS);
    if (seen === 'not-back') last = hostText('port.not-back', { port: address });
  } else {
    // brp.md 2.4: the restart takes 500-1000 ms; wait a little, then try every 100 ms.
    await sleep(100);
  }
  while (Date.now() < deadline) {
    let s: BrpSession | undefined;
    try {
      s = await openSession(address, opts);
      await s.execute(Sys.SysGetBootStatus, undefined);
      return s;
    } catch (err) {
      last = reasonOf(err);
      await s?.close().catch(() => undefined);
      await sleep(100);
    }
  }
  throw new PortLostError(address, hostText('port.no-restart', { last }));
}

export type PortRestart = 'gone-and-back' | 'stayed' | 'not-back';

/**
 * Watches a serial port through a reader restart: a USB reader's port disappears and comes back;
 * a port that stays for `goneWindowMs` (RS-232, or a restart faster than the first look) is taken
 * as it is. Returns what it saw.
 */
export async function waitForPortRestart(
  address: string,
  deadline: number,
  goneWindowMs: number,
  present: (address: string) => Promise<boolean> = portPresent,
): Promise<PortRestart> {
  const goneBy = Math.min(deadline, Date.now() + goneWindowMs);
  const changes = watchDeviceFolder(address);
  try {
    while (await present(address)) {
      if (Date.now() >= goneBy) return 'stayed';
      await changes.next(LOOK_EVERY_MS);
    }
    while (!(await present(address))) {
      if (Date.now() >= deadline) return 'not-back';
      await changes.next(LOOK_EVERY_MS);
    }
    return 'gone-and-back';
  } finally {
    changes.close();
  }
}

/** How often a port is looked for when nothing tells of a change (no folder watch on this system). */
const LOOK_EVERY_MS = 50;

interface FolderChanges {
  /** Resolves at the next change in the folder, or after `ms` at the latest. */
  next(ms: number): Promise<void>;
  close(): void;
}

/**
 * Changes in the folder that holds a device path (/dev, /dev/serial/by-id, a virtual reader's state
 * folder): the port is looked for again the moment its name appears or goes, not up to a polling
 * interval later, which at 64 readers was the slowest reader's wait. Where the folder cannot be
 * watched (Windows COM names, a system without inotify) it is a plain timer.
 */
function watchDeviceFolder(address: string): FolderChanges {
  let wake: (() => void) | undefined;
  let changed = false;
  let watcher: fs.FSWatcher | undefined;
  if (path.isAbsolute(address) && process.platform !== 'win32') {
    try {
      watcher = fs.watch(path.dirname(address), { persistent: false }, () => {
        changed = true;
        wake?.();
      });
      watcher.on('error', () => undefined);
    } catch {
      watcher = undefined;
    }
  }
  return {
    next(ms) {
      if (changed) {
        changed = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          changed = false;
          resolve();
        }
        wake = done;
      });
    },
    close() {
      watcher?.close();
      wake?.();
    },
  };
}

function isSerialPort(address: string): boolean {
  return !/^(tcp|memory):\/\//.test(address) && !isHidAddress(address);
}

/** A device path is there when the file is; a Windows COM name when the system lists it. */
export async function portPresent(address: string): Promise<boolean> {
  if (path.isAbsolute(address) && process.platform !== 'win32') return fs.existsSync(address);
  try {
    return (await listSerialPorts()).some((p) => p.path.toLowerCase() === address.toLowerCase());
  } catch {
    return true; // cannot tell: let the probe decide
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
