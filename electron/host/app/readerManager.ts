import { randomBytes, toHex } from '../../../shared/bytes.ts';
import type { AppEvent, ConnectOptions, ReaderSummary, TamperReporting } from '../../../shared/api/contract.ts';
import type { LinkChecksumKind } from '../../../shared/brp/checksum.ts';
import { canonicalReaderAddress } from '../../../shared/brp/tcpAddress.ts';
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
  /** The choice the first session made; a reconnect keeps it even while the port list is still catching up. */
  link?: LinkChecksum;
  /** Operations that stop Autoread for a moment (tag access) hold the tamper poll meanwhile. */
  pollHolds: number;
}


export interface ReaderManagerOptions {
  frameLog?: FrameLogSink;
  /** Tamper messages stay in the reader's buffer for 5 s; poll well within that. */
  pollMs?: number;
  /** How long to keep trying after a reader drops off the line (reboot, replug). */
  reconnectForMs?: number;
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

  list(): ReaderSummary[] {
    return [...this.readers.values()].map((r) => r.summary);
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
    const a = canonicalReaderAddress(address);
    return [...this.readers.values()].find((r) => r.summary.address === a)?.checksum;
  }

  async connect(rawAddress: string, options: ConnectOptions | null = {}): Promise<ReaderSummary> {
    const address = canonicalReaderAddress(rawAddress);
    const before = this.connecting.get(address) ?? Promise.resolve();
    const run = before.catch(() => undefined).then(() => this.connectNow(address, options?.checksum));
    this.connecting.set(address, run);
    try {
      return await run;
    } finally {
      if (this.connecting.get(address) === run) this.connecting.delete(address);
    }
  }

  private async connectNow(address: string, checksum: LinkChecksumKind | undefined): Promise<ReaderSummary> {
    const existing = [...this.readers.values()].find((r) => r.summary.address === address);
    if (existing && existing.summary.state !== 'disconnected') {
      if (existing.checksum === checksum) return this.refresh(existing.summary.id);
      // Another checksum for the port: the reader takes it with the next frame, so open the link anew.
      await this.disconnect(existing.summary.id);
    }
    const id = existing?.summary.id ?? toHex(randomBytes(6), false);
    const reader: ConnectedReader = {
      summary: emptySummary(id, address),
      session: undefined,
      poller: undefined,
      reconnecting: false,
      closed: false,
      checksum,
      pollHolds: 0,
    };
    this.readers.set(id, reader);
    try {
      await this.attach(reader);
    } catch (err) {
      this.readers.delete(id);
      throw err;
    }
    return reader.summary;
  }

  async disconnect(id: string): Promise<void> {
    const r = this.readers.get(id);
    if (!r) return;
    r.closed = true;
    clearInterval(r.poller);
    await r.session?.close().catch(() => undefined);
    this.readers.delete(id);
    this.emit({ type: 'reader-removed', id });
  }

  async refresh(id: string): Promise<ReaderSummary> {
    const r = this.readers.get(id);
    if (!r) throw new HostError('reader.not-connected', {});
    if (!r.session) return r.summary;
    const info = await readReaderInfo(r.session);
    r.summary = {
      ...r.summary,
      state: 'connected',
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
      link: r.session.linkChecksum,
      features: info.features,
      firmwareLacks: info.firmwareLacks,
    };
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
    const canonical = canonicalReaderAddress(address);
    const r = [...this.readers.values()].find((x) => x.summary.address === canonical);
    if (!r?.session) return async () => undefined;
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

  private async attach(r: ConnectedReader): Promise<void> {
    const session = await openSession(r.summary.address, { frameLog: this.opts.frameLog, checksum: r.checksum, linkChecksum: r.link });
    r.link = session.linkChecksum;
    r.session = session;
    session.onPortLost(() => {
      if (r.closed || r.session !== session) return;
      r.session = undefined;
      clearInterval(r.poller);
      void this.reconnect(r);
    });
    try {
      await this.refresh(r.summary.id);
    } catch (err) {
      r.session = undefined;
      await session.close().catch(() => undefined);
      throw err;
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
    const until = Date.now() + (this.opts.reconnectForMs ?? 30_000);
    let lastError: HostParam = '';
    // brp.md 2.4: wait about 100 ms, then try every 100 ms; a reconnect counts once a command succeeds.
    await sleep(100);
    while (!r.closed && Date.now() < until) {
      try {
        await this.attach(r);
        r.reconnecting = false;
        return;
      } catch (err) {
        lastError = reasonOf(err);
        await sleep(200);
      }
    }
    r.reconnecting = false;
    if (r.closed) return;
    const why = lastError || hostText('reader.did-not-come-back', {});
    r.summary = { ...r.summary, state: 'disconnected', lastError: typeof why === 'object' ? englishText(why) : String(why), lastErrorText: why };
    this.emit({ type: 'reader-changed', reader: r.summary });
  }

  private emit(e: AppEvent): void {
    this.listeners.emit(e);
  }
}

function emptySummary(id: string, address: string): ReaderSummary {
  return {
    id,
    address,
    state: 'connected',
    firmware: null,
    configId: null,
    configName: null,
    version: null,
    securityCode: null,
    projectSettings: null,
    customerKeyKind: null,
    customerKeySignature: null,
    bootProblems: [],
    lastError: null,
    lastErrorText: null,
    link: null,
    features: null,
    firmwareLacks: [],
    tamperReporting: null,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
