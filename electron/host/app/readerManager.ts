import { randomBytes, toHex } from '../../../shared/bytes.ts';
import type { AppEvent, ReaderSummary } from '../../../shared/api/contract.ts';
import * as AR from '../../../shared/brp/commands/ar.ts';
import { ReaderStatusError } from '../../../shared/brp/errors.ts';
import { Listeners } from '../../../shared/listeners.ts';
import type { BrpSession } from '../brp/session.ts';
import type { FrameLogSink } from '../brp/frameLog.ts';
import { openSession } from '../readers/openSession.ts';
import { readReaderInfo } from '../readers/readerInfo.ts';
import { identifyCustomerKey } from '../readers/customerKey.ts';
import { userMessage } from './userMessage.ts';

interface ConnectedReader {
  summary: ReaderSummary;
  session: BrpSession | undefined;
  poller: ReturnType<typeof setInterval> | undefined;
  reconnecting: boolean;
  closed: boolean;
}

const AR_ERR_NO_MESSAGE = 0x01;
const MSG_ALARM_ON = 0x01;
const MSG_ALARM_OFF = 0x02;

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

  constructor(private readonly opts: ReaderManagerOptions = {}) {}

  onEvent(listener: (e: AppEvent) => void): () => void {
    return this.listeners.add(listener);
  }

  list(): ReaderSummary[] {
    return [...this.readers.values()].map((r) => r.summary);
  }

  session(id: string): BrpSession {
    const r = this.readers.get(id);
    if (!r?.session) throw new Error('that reader is not connected; connect it first');
    return r.session;
  }

  byAddress(address: string): ReaderSummary | undefined {
    return [...this.readers.values()].find((r) => r.summary.address === address)?.summary;
  }

  async connect(address: string): Promise<ReaderSummary> {
    const existing = [...this.readers.values()].find((r) => r.summary.address === address);
    if (existing && existing.summary.state !== 'disconnected') return this.refresh(existing.summary.id);
    const id = existing?.summary.id ?? toHex(randomBytes(6), false);
    const reader: ConnectedReader = {
      summary: emptySummary(id, address),
      session: undefined,
      poller: undefined,
      reconnecting: false,
      closed: false,
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
    if (!r) throw new Error('that reader is not connected; connect it first');
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
    };
    this.emit({ type: 'reader-changed', reader: r.summary });
    return r.summary;
  }

  /** The explicit "identify customer key" action (the only reader-side write outside finalize and deploy). */
  async identifyCustomerKey(id: string): Promise<ReaderSummary> {
    await identifyCustomerKey(this.session(id));
    return this.refresh(id);
  }

  /**
   * Closes the reader's session for an operation that needs the port to itself (a deploy job
   * opens its own session) and returns a function that reattaches afterwards.
   */
  async borrow(address: string): Promise<() => Promise<void>> {
    const r = [...this.readers.values()].find((x) => x.summary.address === address);
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
    const session = await openSession(r.summary.address, { frameLog: this.opts.frameLog });
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
    if (r.session !== session || session.isLost) return;
    // Drain every buffered message: several may have queued up since the last poll.
    for (let i = 0; i < 8; i++) {
      try {
        const msg = await session.execute(AR.ARGetMessage, undefined);
        if (msg.msgType === MSG_ALARM_ON || msg.msgType === MSG_ALARM_OFF) {
          this.emit({
            type: 'tamper',
            readerId: r.summary.id,
            address: r.summary.address,
            time: Date.now(),
            state: msg.msgType === MSG_ALARM_ON ? 'on' : 'off',
          });
        }
      } catch (err) {
        if (!(err instanceof ReaderStatusError && err.status === AR_ERR_NO_MESSAGE)) {
          // Polling problems are not the user's business unless they persist; the next poll retries.
        }
        return;
      }
    }
  }

  private async reconnect(r: ConnectedReader): Promise<void> {
    if (r.reconnecting) return;
    r.reconnecting = true;
    r.summary = { ...r.summary, state: 'reconnecting' };
    this.emit({ type: 'reader-changed', reader: r.summary });
    const until = Date.now() + (this.opts.reconnectForMs ?? 30_000);
    let lastError = '';
    // brp.md 2.4: wait about 100 ms, then try every 100 ms; a reconnect counts once a command succeeds.
    await sleep(100);
    while (!r.closed && Date.now() < until) {
      try {
        await this.attach(r);
        r.reconnecting = false;
        return;
      } catch (err) {
        lastError = userMessage(err);
        await sleep(200);
      }
    }
    r.reconnecting = false;
    if (r.closed) return;
    r.summary = { ...r.summary, state: 'disconnected', lastError: lastError || 'the reader did not come back' };
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
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
