import fs from 'node:fs';
import path from 'node:path';
import { loadOrCreateState, type StateOptions } from './state/readerState.ts';
import { VirtualReader } from './firmware/virtualReader.ts';
import { registerSysHandlers } from './firmware/sysHandlers.ts';
import { registerCryptoHandlers } from './firmware/cryptoHandlers.ts';
import { registerUploadHandlers } from './firmware/uploadHandlers.ts';
import { registerArHandlers, raiseTamperAlarm, clearTamperAlarm } from './firmware/arHandlers.ts';
import { MessageBuffer } from './firmware/alarmMessages.ts';
import { FrameServer } from './link/frameServer.ts';
import { PtyLink } from './link/ptyLink.ts';
import { TcpLink } from './link/tcpLink.ts';
import type { ByteLink } from './link/byteLink.ts';
import { EmulatedLine, type LineLimits } from './link/emulatedLine.ts';
import { bufferLimits, DEFAULT_BUFFER_SIZE } from './firmware/readerBuffer.ts';
import { registerTagPlugin } from './tag/tagPlugin.ts';
import { serveControl, type ControlAnswer, type ControlRequest } from './control/controlChannel.ts';
import { useNodeAes } from '../node/crypto/nodeAesEngine.ts';

export interface SimulatorOptions extends StateOptions {
  stateDir: string;
  /** Listen on TCP instead of creating a pty pair. */
  tcp?: { host: string; port: number };
  /** TCP only: send each answer in two segments this many milliseconds apart. */
  splitMs?: number;
  /** Bytes per command and per answer frame the reader takes (Sys.GetBufferSize); default 1024. */
  bufferSize?: number;
  /** The configured line speed, whose wire time is emulated (8N1); Sys.SetCommParam changes it until a restart. */
  baud?: number;
  /** The reader refuses Sys.SetCommParam (ErrInvalidCmd) and keeps its line speed. */
  fixedBaud?: boolean;
  /**
   * A pty only: emulate the line between the host's port and the reader (`EmulatedLine`): bytes
   * arrive intact only when both ends run the same rate and the line carries it. `lineMaxBaud`
   * limits both directions, `answersMaxBaud` the reader's answers only.
   */
  lineMaxBaud?: number;
  answersMaxBaud?: number;
  /** How long the reader stays off the line when it reboots. */
  rebootMs?: number;
  /** The answer that precedes a reboot never reaches the host (see FrameServerOptions). */
  rebootLosesAnswer?: boolean;
}

export interface RunningSimulator {
  /** What a host opens: a device path (pty) or tcp://host:port. */
  readonly address: string;
  readonly reader: VirtualReader;
  /** The emulated line's limits (with lineMaxBaud or answersMaxBaud), changeable while it runs; undefined without. */
  readonly line: LineLimits | undefined;
  tamper(): void;
  /** Switches the reader off and on: it drops off the line and comes back at its configured rate. */
  powerCycle(): Promise<void>;
  stop(): Promise<void>;
}

/** Extension point for handler groups that need the running reader (uploads, tags). */
export type SimulatorPlugin = (reader: VirtualReader, control: Map<string, (req: ControlRequest) => Promise<ControlAnswer>>) => void;
const plugins: SimulatorPlugin[] = [];
export function addSimulatorPlugin(p: SimulatorPlugin): void {
  plugins.push(p);
}

export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  useNodeAes();
  const stateDir = path.resolve(opts.stateDir);
  // The lock comes first: a refused second simulator must not touch the running one's factory data.
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const releaseLock = takeLock(stateDir);
  try {
    removeStaleTempFiles(stateDir);
    const state = loadOrCreateState(stateDir, opts);
    const bufferSize = opts.bufferSize ?? DEFAULT_BUFFER_SIZE;
    const reader = new VirtualReader(stateDir, state, { bufferSize, baud: opts.baud, fixedBaud: opts.fixedBaud });
    const messages = new MessageBuffer();
    registerSysHandlers(reader);
    registerCryptoHandlers(reader);
    registerUploadHandlers(reader);
    registerArHandlers(reader, messages);

    const controlOps = new Map<string, (req: ControlRequest) => Promise<ControlAnswer>>();
    controlOps.set('tamper', async (req) => {
      if (req.clear) {
        clearTamperAlarm(messages);
        return { ok: true, message: 'tamper alarm cleared' };
      }
      raiseTamperAlarm(messages);
      return { ok: true, message: 'tamper alarm raised' };
    });
    controlOps.set('ping', async () => ({ ok: true, message: 'running' }));
    registerTagPlugin(reader, controlOps);
    for (const p of plugins) p(reader, controlOps);

    const emulateLine = opts.lineMaxBaud !== undefined || opts.answersMaxBaud !== undefined;
    if (emulateLine && opts.tcp) throw new Error('a line speed limit emulates a serial line, and TCP has no line speed: leave out the TCP address (or the limit)');
    let link: ByteLink;
    let line: LineLimits | undefined;
    if (opts.tcp) {
      link = await TcpLink.create(opts.tcp.host, opts.tcp.port, { splitMs: opts.splitMs });
    } else if (emulateLine) {
      line = { maxBaud: opts.lineMaxBaud, answersMaxBaud: opts.answersMaxBaud };
      link = new EmulatedLine(await PtyLink.create(stateDir, { watchHostRate: true }), () => reader.line.baud, line);
    } else {
      link = await PtyLink.create(stateDir);
    }
    const server = new FrameServer(link, (frame) => reader.handle(frame), {
      line: reader.line,
      limits: bufferLimits(bufferSize),
      rebootMs: opts.rebootMs ?? 1000,
      rebootLosesAnswer: opts.rebootLosesAnswer,
      onReboot: () => reader.rebooted(),
    });
    const stopControl = await serveControl(stateDir, async (req) => {
      const op = controlOps.get(req.op);
      if (!op) return { ok: false, message: `the simulator does not know the operation "${req.op}"` };
      return op(req);
    });
    let stopped = false;
    return {
      get address() {
        return link.address;
      },
      reader,
      line,
      tamper: () => raiseTamperAlarm(messages),
      powerCycle: () => server.powerCycle(),
      async stop() {
        if (stopped) return;
        stopped = true;
        await stopControl();
        await link.close();
        releaseLock();
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}

/** A simulator killed mid-write leaves a temp copy of its state, crypto key included: remove it. */
function removeStaleTempFiles(dir: string): void {
  for (const name of fs.readdirSync(dir)) {
    if (name.startsWith('.') && name.endsWith('.tmp')) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/** One simulator per state directory: two would overwrite each other's state. */
function takeLock(dir: string): () => void {
  const lock = path.join(dir, 'simulator.pid');
  try {
    const pid = Number(fs.readFileSync(lock, 'utf8'));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(`a virtual reader (process ${pid}) already runs on the state directory ${dir}; stop it or use another directory`);
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.writeFileSync(lock, String(process.pid));
  return () => fs.rmSync(lock, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
