import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BrpSession } from '../../../electron/host/brp/session.ts';
import { LineSpeedLostError, MAX_RATES_TRIED, raiseBaudRate } from '../../../electron/host/brp/negotiateBaud.ts';
import { LineSpeedTracker } from '../../../electron/host/brp/lineSpeedTracker.ts';
import { lineSpeedSentence } from '../../../shared/brp/lineSpeed.ts';
import { Listeners, type Transport } from '../../../electron/host/transport/transport.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import { PortLostError } from '../../../shared/brp/errors.ts';
import type { CommandFrame } from '../../../shared/brp/frame.ts';
import { FrameServer } from '../../../simulator/link/frameServer.ts';
import type { ByteLink } from '../../../simulator/link/byteLink.ts';
import { VirtualReader } from '../../../simulator/firmware/virtualReader.ts';
import { registerSysHandlers } from '../../../simulator/firmware/sysHandlers.ts';
import { loadOrCreateState } from '../../../simulator/state/readerState.ts';
import { tempDir } from '../../helpers/processes.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * A serial wire between the host's port and a virtual reader's UART: bytes arrive only when both
 * ends run at the same rate, and not at all above the rate the cable carries (a UART at the wrong
 * speed reads nothing usable). `answersMaxBaud` limits the reader-to-host direction only, as a
 * slow line driver on the reader's side would. `portMaxBaud` is a USB-serial adapter that refuses
 * faster rates.
 */
function serialWire(opts: { cableMaxBaud?: number; answersMaxBaud?: number; portMaxBaud?: number; fixedBaud?: boolean; readerBaud?: number } = {}) {
  const dir = tempDir('rd-baud-');
  dirs.push(dir);
  const reader = new VirtualReader(dir, loadOrCreateState(dir), { bufferSize: 1024, fixedBaud: opts.fixedBaud, baud: opts.readerBaud });
  registerSysHandlers(reader);
  const commands: { name: number; baud: number; frame: CommandFrame }[] = [];
  reader.watchCommands((frame) => commands.push({ name: frame.cmdCode, baud: reader.line.baud, frame }));
  const carries = (baud: number) => baud === reader.line.baud && baud <= (opts.cableMaxBaud ?? Infinity);
  const toReader = new Listeners<[Uint8Array]>();
  const toHost = new Listeners<[Uint8Array]>();
  let hostBaud = opts.readerBaud ?? 115200;
  const readerEnd: ByteLink = {
    address: 'wire://reader',
    onData: (l) => void toReader.add(l),
    write: async (bytes) => {
      const rate = reader.line.baud;
      queueMicrotask(() => {
        if (rate === hostBaud && carries(rate) && rate <= (opts.answersMaxBaud ?? Infinity)) toHost.emit(bytes.slice());
      });
    },
    dropOff: async () => undefined,
    close: async () => undefined,
  };
  new FrameServer(readerEnd, (f) => reader.handle(f), { line: reader.line, onReboot: () => reader.rebooted() });
  const host: Transport = {
    address: 'wire://host',
    isOpen: true,
    get baudRate() {
      return hostBaud;
    },
    async setBaudRate(baud: number) {
      if (baud > (opts.portMaxBaud ?? Infinity)) throw new Error(`the port could not switch to ${baud} baud`);
      hostBaud = baud;
    },
    open: async () => undefined,
    close: async () => undefined,
    write: async (bytes) => {
      const rate = hostBaud;
      queueMicrotask(() => {
        if (carries(rate)) toReader.emit(bytes.slice());
      });
    },
    onData: (l) => toHost.add(l),
    onLost: () => () => undefined,
  };
  const session = new BrpSession(host, { checksum: 'crc16', timeoutMarginMs: 20 });
  return { session, reader, commands, hostBaud: () => hostBaud };
}

const SET_COMM_PARAM = Sys.SysSetCommParam.code;

describe('raising the baud rate', () => {
  it('raises the link to 921600, proves it, and puts 115200 back when the session closes', async () => {
    const { session, reader, commands, hostBaud } = serialWire();
    const result = await raiseBaudRate(session);
    expect(result).toMatchObject({ outcome: 'raised', baud: 921600, from: 115200, failed: [] });
    expect(reader.line.baud).toBe(921600);
    expect(hostBaud()).toBe(921600);
    // The command after the switch travelled at the new rate.
    await session.execute(Sys.SysGetInfo, undefined);
    expect(commands.at(-1)).toMatchObject({ name: Sys.SysGetInfo.code, baud: 921600 });
    await session.close();
    expect(reader.line.baud).toBe(115200);
    expect(hostBaud()).toBe(115200);
    const sets = commands.filter((c) => c.name === SET_COMM_PARAM).map((c) => Sys.SysSetCommParam.decodeRequest(c.frame.payload));
    expect(sets).toEqual([
      { baud: 921600, parity: 'none', cwtMs: 20 },
      { baud: 115200, parity: 'none', cwtMs: 20 },
    ]);
  });

  it('keeps the reader\'s configured character waiting time', async () => {
    const { session, reader, commands } = serialWire();
    reader.config.set(0x0103, 0x03, Uint8Array.of(0x00, 0x32));
    await raiseBaudRate(session);
    const set = commands.find((c) => c.name === SET_COMM_PARAM)!;
    expect(Sys.SysSetCommParam.decodeRequest(set.frame.payload).cwtMs).toBe(50);
    await session.close();
  });

  it('goes back to the old rate at once after each rate the link does not carry, and stays there when none works', async () => {
    const { session, reader, hostBaud, commands } = serialWire({ answersMaxBaud: 230400 });
    const speed = new LineSpeedTracker();
    const result = await speed.raise(session);
    expect(result).toMatchObject({
      outcome: 'fell-back',
      baud: 115200,
      from: 115200,
      failed: [
        { baud: 921600, where: 'line' },
        { baud: 576000, where: 'line' },
        { baud: 500000, where: 'line' },
      ],
    });
    expect(reader.line.baud).toBe(115200);
    expect(hostBaud()).toBe(115200);
    // Each failed step went back to 115200 before the next rate was asked for, at 115200.
    const sets = commands.filter((c) => c.name === SET_COMM_PARAM).map((c) => [Sys.SysSetCommParam.decodeRequest(c.frame.payload).baud, c.baud]);
    expect(sets).toEqual([
      [921600, 115200],
      [115200, 921600],
      [576000, 115200],
      [115200, 576000],
      [500000, 115200],
      [115200, 500000],
    ]);
    await expect(session.execute(Sys.SysGetInfo, undefined)).resolves.toHaveProperty('info');
    expect(lineSpeedSentence(speed.report()!)).toBe('kept 115200 baud (921600, 576000 and 500000 did not work on this line)');
    await session.close();
  });

  it('steps down to the fastest rate the line carries', async () => {
    const { session, reader, hostBaud } = serialWire({ answersMaxBaud: 500000 });
    const speed = new LineSpeedTracker();
    const result = await speed.raise(session);
    expect(result).toMatchObject({ outcome: 'raised', baud: 500000, failed: [{ baud: 921600, where: 'line' }, { baud: 576000, where: 'line' }] });
    expect(reader.line.baud).toBe(500000);
    expect(hostBaud()).toBe(500000);
    expect(lineSpeedSentence(speed.report()!)).toBe('raised to 500000 baud (921600 and 576000 did not work on this line)');
    await session.close();
    expect(reader.line.baud).toBe(115200);
  });

  it('skips rates the local port cannot run without asking the reader', async () => {
    const { session, reader, commands } = serialWire({ portMaxBaud: 576000 });
    const speed = new LineSpeedTracker();
    const result = await speed.raise(session);
    expect(result).toMatchObject({ outcome: 'raised', baud: 576000, failed: [{ baud: 921600, where: 'port' }] });
    expect(commands.filter((c) => c.name === SET_COMM_PARAM).map((c) => Sys.SysSetCommParam.decodeRequest(c.frame.payload).baud)).toEqual([576000]);
    expect(reader.line.baud).toBe(576000);
    expect(lineSpeedSentence(speed.report()!)).toBe('raised to 576000 baud (this port cannot run 921600)');
    await session.close();
  });

  it(`tries at most ${MAX_RATES_TRIED} rates with the reader`, async () => {
    const { session, commands, hostBaud } = serialWire({ readerBaud: 9600, answersMaxBaud: 9600 });
    const result = await raiseBaudRate(session);
    expect(result.failed.map((f) => f.baud)).toEqual([921600, 576000, 500000]);
    expect(commands.filter((c) => c.name === SET_COMM_PARAM && Sys.SysSetCommParam.decodeRequest(c.frame.payload).baud !== 9600)).toHaveLength(MAX_RATES_TRIED);
    expect(hostBaud()).toBe(9600);
    await session.close();
  });

  it('puts the old rate back on restore, once, while the session stays open', async () => {
    const { session, reader, hostBaud, commands } = serialWire();
    const n = await raiseBaudRate(session);
    await n.restore();
    await n.restore();
    expect(reader.line.baud).toBe(115200);
    expect(hostBaud()).toBe(115200);
    await session.execute(Sys.SysGetInfo, undefined);
    const before = commands.length;
    await session.close();
    expect(commands.length).toBe(before);
  });

  it('stays at the old rate when the reader refuses Sys.SetCommParam', async () => {
    const { session, reader, hostBaud } = serialWire({ fixedBaud: true });
    expect(await raiseBaudRate(session)).toMatchObject({ outcome: 'reader-refused', baud: 115200, from: 115200, failed: [] });
    expect(reader.line.baud).toBe(115200);
    expect(hostBaud()).toBe(115200);
    await session.close();
  });

  it('does not raise beyond the maximum, nor on a link without a line speed', async () => {
    const { session, commands } = serialWire();
    expect(await raiseBaudRate(session, { maxBaud: 115200 })).toMatchObject({ outcome: 'at-maximum', baud: 115200 });
    expect(await raiseBaudRate(session, { maxBaud: 600000 })).toMatchObject({ outcome: 'raised', baud: 576000 });
    expect(commands.filter((c) => c.name === SET_COMM_PARAM)).toHaveLength(1);
    await session.close();

    const tcpLike = new BrpSession({ ...serialWire().session.transport, setBaudRate: undefined, baudRate: undefined } as Transport);
    expect(await raiseBaudRate(tcpLike)).toMatchObject({ outcome: 'no-line-speed' });
  });

  it('leaves the rate alone on close after the reader said it restarts (it comes back at its configured rate)', async () => {
    const { session, reader, commands } = serialWire();
    await raiseBaudRate(session);
    await session.execute(Sys.SysReset, undefined);
    expect(reader.line.baud).toBe(115200);
    const before = commands.length;
    await session.close();
    expect(commands.length).toBe(before);
  });

  it('steps down on the same link when the raised rate fails during the transfer', async () => {
    const line: { answersMaxBaud?: number } = {};
    const { session, reader, hostBaud } = serialWire(line);
    const speed = new LineSpeedTracker();
    await speed.raise(session);
    expect(speed.raisedRate).toBe(921600);
    line.answersMaxBaud = 500000; // the line got worse: 921600 and 576000 no longer work
    await speed.stepDown(session);
    expect(reader.line.baud).toBe(500000);
    expect(hostBaud()).toBe(500000);
    expect(speed.report()).toMatchObject({ outcome: 'raised', rate: 500000, failed: [{ baud: 921600, where: 'transfer' }, { baud: 576000, where: 'line' }] });
    expect(lineSpeedSentence(speed.report()!)).toBe('raised to 500000 baud (the line failed at 921600 during the transfer; 576000 did not work on this line)');
    await session.close();
    expect(reader.line.baud).toBe(115200);
  });

  it('says the reader is lost when a raised line dies during the transfer', async () => {
    const line: { cableMaxBaud?: number } = {};
    const { session, reader } = serialWire(line);
    const speed = new LineSpeedTracker();
    await speed.raise(session);
    line.cableMaxBaud = 115200;
    await expect(speed.stepDown(session)).rejects.toBeInstanceOf(LineSpeedLostError);
    expect(speed.report()).toMatchObject({ outcome: 'lost', rate: 921600, from: 115200 });
    expect(lineSpeedSentence(speed.report()!)).toMatch(/^the reader stopped answering at 921600 baud and did not answer at 115200 either \(the line failed at 921600 during the transfer\); switch it off and on/);
    // Only a restart brings it back, at its configured rate.
    expect(reader.line.baud).toBe(921600);
    reader.rebooted();
    expect(reader.line.baud).toBe(115200);
  });

  it('says how to get a reader back that answers at neither rate', async () => {
    // The reader takes the new rate, which the cable cannot carry in either direction.
    const { session } = serialWire({ cableMaxBaud: 230400 });
    const err = await raiseBaudRate(session).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PortLostError);
    expect(err).toBeInstanceOf(LineSpeedLostError);
    expect((err as Error).message).toMatch(/stopped answering at 921600 baud, the rate Sys\.SetCommParam switched it to, and does not answer at 115200 either.*switch it off and on/);
  });
});
