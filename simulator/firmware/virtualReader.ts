import type { CommandFrame } from '../../shared/brp/frame.ts';
import type { BrpCommand } from '../../shared/brp/command.ts';
import { Listeners } from '../../shared/listeners.ts';
import { GENERAL_STATUS } from '../../shared/brp/status.ts';
import type { CommandOutcome } from '../link/frameServer.ts';
import { profileOf, saveState, saveStateAsync, type ReaderState } from '../state/readerState.ts';
import { ConfigStore } from './configStore.ts';
import { DEFAULT_BUFFER_SIZE } from './readerBuffer.ts';

/** Properties of the reader hardware that are not stored in its state directory. */
export interface ReaderHardware {
  /** Bytes per command frame and per answer frame (Sys.GetBufferSize); see readerBuffer.ts. */
  bufferSize: number;
  /**
   * The configured line speed whose wire time the frame server emulates (`simulate --baud N`);
   * without it the reader nominally runs at 115200 and answers without delay.
   */
  baud?: number;
  /** The reader keeps its line speed: Sys.SetCommParam gets ErrInvalidCmd (`simulate --fixed-baud`). */
  fixedBaud?: boolean;
}
import { PROFILES, type FirmwareProfile } from './profiles.ts';
import { SerialLine } from './serialLine.ts';

/** Thrown by a handler to answer with a status code instead of a payload. */
export class StatusReply extends Error {
  constructor(readonly status: number) {
    super(`status 0x${status.toString(16)}`);
  }
}

type Handler = (payload: Uint8Array) => CommandOutcome | Promise<CommandOutcome>;

/**
 * The firmware of the virtual reader: a table of handlers by command code, over a state that is
 * written to the state directory after every change. Handler groups (Sys, Crypto, AR, Main, tags)
 * register themselves; an unknown code, or one the firmware profile lacks, gets ErrInvalidCmd like
 * on a real reader.
 */
export class VirtualReader {
  private readonly handlers = new Map<number, Handler>();
  private readonly rebootHooks = new Listeners<[]>();
  private readonly commandWatchers = new Listeners<[CommandFrame]>();
  /**
   * Autoread runs from power-up; AR.SetMode switches it at run time, and a card-accessing command
   * (VHL.Select) switches it off (refman AR.SetMode). Volatile: a restart turns it on again.
   */
  autoreadEnabled = true;
  /** Line speed, parity and character waiting time; Sys.SetCommParam changes them until a restart. */
  readonly line: SerialLine;
  private committing: Promise<void> | undefined;
  private changedWhileCommitting = false;

  constructor(
    readonly stateDir: string,
    readonly state: ReaderState,
    readonly hardware: ReaderHardware = { bufferSize: DEFAULT_BUFFER_SIZE },
  ) {
    this.line = hardware.baud === undefined ? new SerialLine() : new SerialLine(hardware.baud, true);
  }

  /** The firmware generation this reader runs (simulator/firmware/profiles.ts). */
  get profile(): FirmwareProfile {
    return PROFILES[profileOf(this.state)];
  }

  /** The live configuration; an upload swaps the whole object, so never keep this across calls. */
  get config(): ConfigStore {
    return new ConfigStore(this.state.config);
  }

  /** Registers a handler that works on decoded requests and returns a response object. */
  on<Req, Res>(
    command: BrpCommand<Req, Res>,
    fn: (req: Req) => Res | { reboot: true; response: Res } | Promise<Res | { reboot: true; response: Res }>,
  ): void {
    this.handlers.set(command.code, async (payload) => {
      let req: Req;
      try {
        req = command.decodeRequest(payload);
      } catch {
        return { status: GENERAL_STATUS.ErrInvalidCmd };
      }
      try {
        const res = await fn(req);
        if (res && typeof res === 'object' && 'reboot' in (res as object) && (res as { reboot: unknown }).reboot === true) {
          const r = res as { response: Res };
          return { status: 0, payload: command.encodeResponse(r.response), reboot: true };
        }
        return { status: 0, payload: command.encodeResponse(res as Res) };
      } catch (err) {
        if (err instanceof StatusReply) return { status: err.status };
        throw err;
      }
    });
  }

  onReboot(hook: () => void): void {
    this.rebootHooks.add(hook);
  }

  /** Volatile state (messages, validated PINs, running uploads) is lost when the reader restarts. */
  rebooted(): void {
    this.autoreadEnabled = true;
    this.line.restarted();
    this.rebootHooks.emit();
  }

  /** Writes the state to the state directory before returning (the reader answers after its flash write). */
  persist(): void {
    // A commit under way writes again when it ends, so the newest state is what stays on disk.
    if (this.committing) {
      this.changedWhileCommitting = true;
      return;
    }
    saveState(this.stateDir, this.state);
  }

  /**
   * Like persist, for the large write that ends an upload, without holding up the process while
   * the disk flushes: in a fleet (`simulate --count`) the other readers keep answering, as separate
   * readers do. The caller answers once it resolves.
   */
  async commit(): Promise<void> {
    while (this.committing) await this.committing.catch(() => undefined);
    const write = (async () => {
      do {
        this.changedWhileCommitting = false;
        await saveStateAsync(this.stateDir, this.state);
      } while (this.changedWhileCommitting);
    })();
    this.committing = write;
    try {
      await write;
    } finally {
      this.committing = undefined;
    }
  }

  /** Sees every command frame the reader receives, in order (a bus analyser on the reader's side, for tests). */
  watchCommands(watcher: (frame: CommandFrame) => void): () => void {
    return this.commandWatchers.add(watcher);
  }

  async handle(frame: CommandFrame): Promise<CommandOutcome> {
    this.commandWatchers.emit(frame);
    const h = this.handlers.get(frame.cmdCode);
    if (!h || this.profile.lacks.has(frame.cmdCode)) return { status: GENERAL_STATUS.ErrInvalidCmd };
    return h(frame.payload);
  }
}
