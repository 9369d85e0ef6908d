import { randomBytes, toHex } from '../../../shared/bytes.ts';
import { emptyReaderSummary } from '../../../shared/api/features/readers.ts';
import { DEFAULT_BAUD_RATE, DEFAULT_MAX_BAUD, type AppEvent, type ConnectOptions, type ReaderSummary, type TamperReporting } from '../../../shared/api/contract.ts';
import { serialNumberOf } from '../../../shared/brp/firmwareString.ts';
import type { LinkChecksumKind } from '../../../shared/brp/checksum.ts';
import { canonicalReaderAddress, isTcpAddress } from '../../../shared/brp/tcpAddress.ts';
import { isHidAddress } from '../transport/baltechHid.ts';
import type { LinkChecksum } from '../transport/linkChecksum.ts';
import * as AR from '../../../shared/brp/commands/ar.ts';
import { AR_STATUS } from '../../../shared/brp/status.ts';
import { isGroupStatus, isUnsupportedCommand } from '../../../shared/brp/statusChecks.ts';
import { Listeners } from '../../../shared/listeners.ts';
import type { BrpSession } from '../brp/session.ts';
import type { FrameLogSink } from '../brp/frameLog.ts';
import { openSession } from '../readers/openSession.ts';
import { readReaderInfo } from '../readers/readerInfo.ts';
import { identifyCustomerKey } from '../readers/customerKey.ts';
import { userMessage } from './userMessage.ts';
import { englishText, HostError, hostText, reasonOf } from '../../../shared/errors/hostError.ts';
import type { HostParam } from '../../../shared/errors/hostText.ts';

interface ConnectedReader {
  summary: ReaderSummary;
  session: BrpSession | undefined;
  poller: ReturnType<typeof setInterval> | undefined;
  reconnecting: boolean;
  closed: boolean;
  /** The user's checksum for this port; undefined lets the kind of link decide. */
  checksum: LinkChecksumKind | undefined;
  /** The user's baud rate for this serial port; undefined is 115200. */
  baudRate: number | undefined;
  /** The background retry of a reader that dropped out and did not come back at once. */
  retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** An attach in progress (reconnect, background retry or "Read again"): only one at a time. */
  attaching: Promise<void> | undefined;
  /** The choice the first session made; a reconnect keeps it even while the port list is still catching up. */
  link?: LinkChecksum;
  /** Operations that stop Autoread for a moment (tag access) hold the tamper poll meanwhile. */
  pollHolds: number;
  /** The user's connect is still reading the reader: not listed until it answered. */
  firstConnect: boolean;
  /** Why the last attempt to reach it failed, for "Read again"'s sentence. */
  lastFailure?: unknown;
}


export interface ReaderManagerOptions {
  frameLog?: FrameLogSink;
  /** Tamper messages stay in the reader's buffer for 5 s; poll well within that. */
  pollMs?: number;
  /** How long to keep trying at once after a reader drops off the line (reboot, replug); then it shows as disconnected. */
  reconnectForMs?: number;
  /** How often a disconnected reader is tried again in the background. */
  retryEveryMs?: number;
  /** The name the user gave a reader, by serial number or address. */
  nameOf?: (serialNumber: string | null, address: string) => string | null;
  /** The fastest rate the user allows a serial port for uploads and read-backs; undefined: 921600. */
  maxBaudOf?: (address: string) => number | undefined;
  /** The embedded virtual reader's address, so its card can say so. */
  virtualAddress?: string | null;
}

/**
 * The readers the user has connected: opens sessions, reads their state, polls for tamper alarms
 * and reconnects after a reader restarts. Every change is published as an AppEvent.
 */
export class ReaderManager {
  private readonly readers = new Map<string, ConnectedReader>();
  private readonly listeners = new Listeners<[AppEvent]>();
  /** Connects to one address run one after the other, so a checksum change never closes a link another connect is reading. */
  private readonly connecting = new Map<string, Promise<unknown>>();

  constructor(private readonly opts: ReaderManagerOptions = {}) {}

  onEvent(listener: (e: AppEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  /** The readers to show: a first connect still reading its reader is not one yet. */
  list(): ReaderSummary[] {
    return [...this.readers.values()].filter((r) => !r.firstConnect).map((r) => r.summary);
  }

  session(id: string): BrpSession {
    const r = this.readers.get(id);
    if (!r?.session) throw new HostError('reader.not-connected', {});
    return r.session;
  }

  byAddress(address: string): ReaderSummary | undefined {
    const canonical = canonicalReaderAddress(address);
    return [...this.readers.values()].find((r) => r.summary.address === canonical)?.summary;
  }

  /** The checksum the user set for a connected reader's port, for flows that open their own session. */
  checksumFor(address: string): LinkChecksumKind | undefined {
    return this.find(address)?.checksum;
  }

  /** The baud rate the user set for a connected reader's serial port, for flows that open their own session. */
  baudRateFor(address: string): number | undefined {
    return this.find(address)?.baudRate;
  }

  /** The fastest rate a serial port is raised to for uploads and read-backs (connected or not); undefined: 921600. */
  maxBaudFor(address: string): number | undefined {
    return this.opts.maxBaudOf?.(canonicalReaderAddress(address));
  }

  private find(address: string): ConnectedReader | undefined {
    const a = canonicalReaderAddress(address);
    return [...this.readers.values()].find((r) => r.summary.address === a);
  }

  async connect(rawAddress: string, options: ConnectOptions | null = {}): Promise<ReaderSummary> {
    const address = canonicalReaderAddress(rawAddress);
    const before = this.connecting.get(address) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => this.connectNow(address, options?.checksum, options?.baudRate));
    this.connecting.set(address, run);
    try {
      return await run;
    } finally {
      if (this.connecting.get(address) === run) this.connecting.delete(address);
    }
  }

  private async connectNow(address: string, checksum: LinkChecksumKind | undefined, baudRate: number | undefined): Promise<ReaderSummary> {
    const existing = this.find(address);
    const sameLink = existing && existing.checksum === checksum && existing.baudRate === baudRate;
    if (existing && sameLink) {
      if (existing.session) return this.refresh(existing.summary.id);
      // Known but not answering (dropped out, or remembered from the last run): try it now.
      return this.revive(existing);
    }
    if (existing) {
      // Another checksum or baud rate for the port: the reader takes it with the next frame, so open the link anew.
      await this.disconnect(existing.summary.id);
    }
    const id = existing?.summary.id ?? toHex(randomBytes(6), false);
    const reader = this.newEntry(id, address, checksum, baudRate);
    reader.firstConnect = true;
    this.readers.set(id, reader);
    try {
      await this.attach(reader);
    } catch (err) {
      this.readers.delete(id);
      throw err;
    } finally {
      reader.firstConnect = false;
    }
    return reader.summary;
  }

  /**
   * A reader connected when the app last ran: it is listed at once (disconnected until it answers)
   * and connected in the background, so a reader that is not plugged in never delays the start.
   */
  restore(rawAddress: string, options: ConnectOptions = {}): ReaderSummary {
    const address = canonicalReaderAddress(rawAddress);
    const existing = this.find(address);
    if (existing) return existing.summary;
    const reader = this.newEntry(toHex(randomBytes(6), false), address, options.checksum, options.baudRate);
    reader.summary = { ...reader.summary, state: 'disconnected' };
    this.readers.set(reader.summary.id, reader);
    this.emit({ type: 'reader-changed', reader: reader.summary });
    void this.tryAttach(reader).then((ok) => ok || this.retryLater(reader));
    return reader.summary;
  }

  private newEntry(id: string, address: string, checksum: LinkChecksumKind | undefined, baudRate: number | undefined): ConnectedReader {
    return {
      summary: this.named(emptyReaderSummary(id, address, address === this.opts.virtualAddress, isSerialAddress(address) ? (baudRate ?? DEFAULT_BAUD_RATE) : null)),
      session: undefined,
      poller: undefined,
      reconnecting: false,
      closed: false,
      checksum,
      baudRate: isSerialAddress(address) ? baudRate : undefined,
      retryTimer: undefined,
      attaching: undefined,
      pollHolds: 0,
      firstConnect: false,
    };
  }

  /** The summary with what the user set for this reader: its name, and its serial port's maximum rate. */
  private named(summary: ReaderSummary): ReaderSummary {
    return {
      ...summary,
      name: this.opts.nameOf?.(summary.serialNumber, summary.address) ?? null,
      maxBaud: summary.baudRate === null ? null : (this.opts.maxBaudOf?.(summary.address) ?? DEFAULT_MAX_BAUD),
    };
  }

  /** The user renamed a reader or changed a setting of its port: its summary follows. */
  renamed(id: string): ReaderSummary {
    const r = this.readers.get(id);
    if (!r) throw new HostError('reader.not-connected', {});
    r.summary = this.named(r.summary);
    this.emit({ type: 'reader-changed', reader: r.summary });
    return r.summary;
  }

  async disconnect(id: string): Promise<void> {
    const r = this.readers.get(id);
    if (!r) return;
    r.closed = true;
    clearInterval(r.poller);
    clearTimeout(r.retryTimer);
    await r.session?.close().catch(() => undefined);
    this.readers.delete(id);
    this.emit({ type: 'reader-removed', id });
  }

  /** "Read again": reads a connected reader anew, and tries a disconnected one at once. */
  async refresh(id: string): Promise<ReaderSummary> {
    const r = this.readers.get(id);
    if (!r) throw new HostError('reader.not-connected', {});
    if (!r.session) return r.reconnecting ? r.summary : this.revive(r);
    return this.read(r, r.session);
  }

  /** Tries a reader that is not answering now; says why when it still does not. */
  private async revive(r: ConnectedReader): Promise<ReaderSummary> {
    if (await this.tryAttach(r)) return r.summary;
    if (!r.closed) this.retryLater(r);
    const because = r.lastFailure === undefined ? '' : hostText('brp.because', { reason: reasonOf(r.lastFailure) });
    throw new HostError('reader.not-answering', { address: r.summary.address, because });
  }

  private async read(r: ConnectedReader, session: BrpSession): Promise<ReaderSummary> {
    const info = await readReaderInfo(session);
    r.summary = this.named({
      ...r.summary,
      state: 'connected',
      serialNumber: serialNumberOf(info.firmware),
      firmware: info.firmware,
      configId: info.configId,
      configName: info.configName,
      version: info.version,
      securityCode: info.securityCode,
      projectSettings: info.projectSettings,
      customerKeyKind: info.customerKey?.kind ?? null,
      customerKeySignature: info.customerKey?.signature ?? null,
      bootProblems: info.bootStatus.problems.map((p) => p.name),
      lastError: null,
      lastErrorText: null,
      link: session.linkChecksum,
      features: info.features,
      firmwareLacks: info.firmwareLacks,
    });
    this.emit({ type: 'reader-changed', reader: r.summary });
    return r.summary;
  }

  /** The explicit "identify customer key" action (the only reader-side write outside finalize and deploy). */
  async identifyCustomerKey(id: string): Promise<ReaderSummary> {
    await identifyCustomerKey(this.session(id));
    return this.refresh(id);
  }

  /** Runs `fn` with the tamper poll of that reader paused (it would see Autoread stopped by `fn`). */
  async holdPolling<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const r = this.readers.get(id);
    if (!r) return fn();
    r.pollHolds++;
    try {
      return await fn();
    } finally {
      r.pollHolds--;
    }
  }

  /**
   * Closes the reader's session for an operation that needs the port to itself (a deploy job
   * opens its own session) and returns a function that reattaches afterwards.
   */
  async borrow(address: string): Promise<() => Promise<void>> {
    const r = this.find(address);
    if (!r?.session) {
      if (!r) return async () => undefined;
      // A reader that does not answer right now: its background retries keep off the port meanwhile.
      clearTimeout(r.retryTimer);
      r.retryTimer = undefined;
      r.closed = true;
      await r.attaching?.catch(() => undefined);
      return async () => {
        r.closed = false;
        if (!r.session && !(await this.tryAttach(r))) this.retryLater(r);
      };
    }
    clearInterval(r.poller);
    r.poller = undefined;
    const s = r.session;
    r.session = undefined;
    r.closed = true;
    await s.close().catch(() => undefined);
    return async () => {
      r.closed = false;
      await this.reconnect(r);
    };
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.readers.keys()].map((id) => this.disconnect(id)));
  }

  /** One attach at a time; true when the reader answered. A failure is kept as the reader's lastError. */
  private async tryAttach(r: ConnectedReader): Promise<boolean> {
    if (r.session) return true;
    if (!r.attaching) {
      r.attaching = this.attach(r).finally(() => {
        r.attaching = undefined;
      });
    }
    try {
      await r.attaching;
      return true;
    } catch (err) {
      if (r.closed || !this.readers.has(r.summary.id)) return false;
      const lastError = userMessage(err);
      r.lastFailure = err;
      if (r.summary.lastError !== lastError || r.summary.state !== 'disconnected') {
        r.summary = { ...r.summary, state: 'disconnected', lastError, lastErrorText: reasonOf(err) };
        this.emit({ type: 'reader-changed', reader: r.summary });
      }
      return false;
    }
  }

  /** Tries a disconnected reader again in a while, and again, until it answers or is disconnected. */
  private retryLater(r: ConnectedReader): void {
    if (r.closed || r.retryTimer || r.session) return;
    r.retryTimer = setTimeout(() => {
      r.retryTimer = undefined;
      if (r.closed || r.session || r.reconnecting || !this.readers.has(r.summary.id)) return;
      void this.tryAttach(r).then((ok) => ok || this.retryLater(r));
    }, this.opts.retryEveryMs ?? 2000);
    r.retryTimer.unref?.();
  }

  private async attach(r: ConnectedReader): Promise<void> {
    const session = await openSession(r.summary.address, { frameLog: this.opts.frameLog, checksum: r.checksum, linkChecksum: r.link, baudRate: r.baudRate });
    r.link = session.linkChecksum;
    r.session = session;
    session.onPortLost(() => {
      if (r.closed || r.session !== session) return;
      r.session = undefined;
      clearInterval(r.poller);
      void this.reconnect(r);
    });
    try {
      await this.read(r, session);
    } catch (err) {
      r.session = undefined;
      await session.close().catch(() => undefined);
      throw err;
    }
    if (r.closed) {
      // Disconnected (or borrowed) while this attach was reading: the port is not ours to keep.
      r.session = undefined;
      await session.close().catch(() => undefined);
      return;
    }
    r.poller = setInterval(() => void this.poll(r, session), this.opts.pollMs ?? 1000);
  }

  private async poll(r: ConnectedReader, session: BrpSession): Promise<void> {
    if (r.session !== session || session.isLost || r.pollHolds > 0) return;
    // Drain every buffered message: several may have queued up since the last poll.
    for (let i = 0; i < 8 && r.pollHolds === 0; i++) {
      let msg: AR.ArMessage;
      try {
        msg = await session.execute(AR.ARGetMessage, undefined);
      } catch (err) {
        // An answer that crossed a held operation says nothing about the reader's normal state.
        if (r.pollHolds > 0) return;
        if (isGroupStatus(err, 'AR', AR_STATUS.ErrNoMessage)) this.setTamperReporting(r, 'available');
        else if (isGroupStatus(err, 'AR', AR_STATUS.ErrArDisabled)) this.setTamperReporting(r, 'autoread-disabled');
        else if (isUnsupportedCommand(err)) {
          this.setTamperReporting(r, 'not-supported');
          // This firmware will never know AR.GetMessage: asking again only fills the line.
          if (r.session === session) {
            clearInterval(r.poller);
            r.poller = undefined;
          }
        }
        // Other polling problems (a lost frame) are not the user's business unless they persist; the next poll retries.
        return;
      }
      this.setTamperReporting(r, 'available');
      if (msg.msgType === AR.AR_MSG_TYPE.AlarmOn || msg.msgType === AR.AR_MSG_TYPE.AlarmOff) {
        this.emit({
          type: 'tamper',
          readerId: r.summary.id,
          address: r.summary.address,
          time: Date.now(),
          state: msg.msgType === AR.AR_MSG_TYPE.AlarmOn ? 'on' : 'off',
        });
      }
    }
  }

  /** Publishes a change of whether tamper alarms can arrive; a reader that cannot report them is said once. */
  private setTamperReporting(r: ConnectedReader, value: TamperReporting): void {
    if (r.summary.tamperReporting === value) return;
    r.summary = { ...r.summary, tamperReporting: value };
    this.emit({ type: 'reader-changed', reader: r.summary });
    if (value !== 'available') {
      this.emit({ type: 'tamper-unavailable', readerId: r.summary.id, address: r.summary.address, time: Date.now(), reason: value });
    }
  }

  private async reconnect(r: ConnectedReader): Promise<void> {
    if (r.reconnecting) return;
    r.reconnecting = true;
    r.summary = { ...r.summary, state: 'reconnecting' };
    this.emit({ type: 'reader-changed', reader: r.summary });
    const until = Date.now() + (this.opts.reconnectForMs ?? 10_000);
    let lastError: HostParam = '';
    // brp.md 2.4: wait about 100 ms, then try every 100 ms; a reconnect counts once a command succeeds.
    await sleep(100);
    while (!r.closed && Date.now() < until) {
      try {
        await r.attaching?.catch(() => undefined);
        if (r.session) break;
        r.attaching = this.attach(r).finally(() => {
          r.attaching = undefined;
        });
        await r.attaching;
        r.reconnecting = false;
        return;
      } catch (err) {
        lastError = reasonOf(err);
        r.lastFailure = err;
        await sleep(200);
      }
    }
    r.reconnecting = false;
    if (r.closed || r.session) return;
    // Not back at once: shown as disconnected, and tried again in the background until it answers.
    const why = lastError || hostText('reader.did-not-come-back', {});
    r.summary = { ...r.summary, state: 'disconnected', lastError: typeof why === 'object' ? englishText(why) : String(why), lastErrorText: why };
    this.emit({ type: 'reader-changed', reader: r.summary });
    this.retryLater(r);
  }

  private emit(e: AppEvent): void {
    this.listeners.emit(e);
  }
}

/** A serial port path: not TCP, not USB HID; only these have a baud rate. */
function isSerialAddress(address: string): boolean {
  return !isTcpAddress(address) && !isHidAddress(address);
}


function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
