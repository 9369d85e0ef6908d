import { describe, expect, it } from 'vitest';
import { MemoryTransport } from '../../../electron/host/transport/memoryTransport.ts';
import { BrpSession } from '../../../electron/host/brp/session.ts';
import { decodeCommandFrame, encodeResponseFrame } from '../../../shared/brp/frame.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import { BrpChecksumError, BrpTimeoutError, PortLostError, ReaderStatusError } from '../../../shared/brp/errors.ts';
import type { FrameLogEntry } from '../../../electron/host/brp/frameLog.ts';
import { englishText } from '../../../shared/errors/hostError.ts';

/** A scripted reader on the far end of an in-memory pair. */
async function scripted(answer: (cmdCode: number, payload: Uint8Array) => Uint8Array[] | Uint8Array | null) {
  const [host, reader] = MemoryTransport.pair();
  await host.open();
  await reader.open();
  reader.onData((bytes) => {
    const frame = decodeCommandFrame(bytes);
    const out = answer(frame.cmdCode, frame.payload);
    if (out === null) return;
    for (const chunk of Array.isArray(out) ? out : [out]) void reader.write(chunk);
  });
  const log: FrameLogEntry[] = [];
  const session = new BrpSession(host, { timeoutMarginMs: 20, frameLog: (e) => log.push(e) });
  return { session, host, reader, log };
}

const info = (text: string) => encodeResponseFrame({ cmdCode: 0x0004, payload: new TextEncoder().encode(`${text}\0`), checksum: 'crc16' });

describe('BrpSession', () => {
  it('decodes an answer that arrives in pieces', async () => {
    const { session } = await scripted(() => {
      const f = info('1100 X');
      return [f.subarray(0, 3), f.subarray(3, 9), f.subarray(9)];
    });
    expect((await session.execute(Sys.SysGetInfo, undefined)).info).toBe('1100 X');
  });

  it('skips garbage before the answer and resyncs', async () => {
    const { session } = await scripted(() => [Uint8Array.of(0xff, 0xc3), info('1100 Y')]);
    expect((await session.execute(Sys.SysGetInfo, undefined)).info).toBe('1100 Y');
  });

  it('turns a wrong checksum into BrpChecksumError and works again afterwards', async () => {
    let n = 0;
    const { session, log } = await scripted(() => {
      const f = info('1100 Z');
      if (n++ === 0) f[f.length - 1]! ^= 1;
      return f;
    });
    await expect(session.execute(Sys.SysGetInfo, undefined)).rejects.toBeInstanceOf(BrpChecksumError);
    expect(log.some((e) => (e.problem && englishText(e.problem)) === 'wrong checksum')).toBe(true);
    expect((await session.execute(Sys.SysGetInfo, undefined)).info).toBe('1100 Z');
  });

  it('names the command and its timeout when the reader stays silent', async () => {
    const { session } = await scripted(() => null);
    const err = await session.execute(Sys.SysGetBootStatus, undefined).catch((e) => e);
    expect(err).toBeInstanceOf(BrpTimeoutError);
    expect(err.message).toMatch(/Sys\.GetBootStatus/);
  });

  it('reports a reader status with its name', async () => {
    const { session } = await scripted(() => encodeResponseFrame({ cmdCode: 0x0008, status: 0x03, checksum: 'crc16' }));
    const err = await session.execute(Sys.SysCfgGetValue, { key: 0x0620, value: 0x07 }).catch((e) => e);
    expect(err).toBeInstanceOf(ReaderStatusError);
    expect(err.statusName).toMatch(/CfgNotFound/);
  });

  it('sends one command at a time, in order', async () => {
    const seen: number[] = [];
    const { session } = await scripted((code) => {
      seen.push(code);
      return code === 0x0004 ? info('A') : encodeResponseFrame({ cmdCode: code, payload: Uint8Array.of(0, 0, 0, 0), checksum: 'crc16' });
    });
    const results = await Promise.all([
      session.execute(Sys.SysGetInfo, undefined),
      session.execute(Sys.SysGetBootStatus, undefined),
      session.execute(Sys.SysGetInfo, undefined),
    ]);
    expect(seen).toEqual([0x0004, 0x0005, 0x0004]);
    expect(results[1]).toEqual({ bits: 0 });
  });

  it('fails the command in flight and every later one when the port goes away', async () => {
    const { session, host } = await scripted(() => null);
    const pending = session.execute(Sys.SysGetInfo, undefined);
    host.sever('the USB cable was pulled');
    await expect(pending).rejects.toBeInstanceOf(PortLostError);
    await expect(session.execute(Sys.SysGetInfo, undefined)).rejects.toThrow(/USB cable was pulled/);
  });

  it('keeps a sequence together: another caller\'s command waits until the sequence ends', async () => {
    const seen: number[] = [];
    const { session } = await scripted((code) => {
      seen.push(code);
      return code === 0x0004 ? info('A') : encodeResponseFrame({ cmdCode: code, payload: Uint8Array.of(0, 0, 0, 0), checksum: 'crc16' });
    });
    const sequence = session.exclusive(async () => {
      await session.execute(Sys.SysGetBootStatus, undefined);
      await new Promise((r) => setTimeout(r, 20));
      await session.execute(Sys.SysGetBootStatus, undefined);
    });
    const other = session.execute(Sys.SysGetInfo, undefined);
    await Promise.all([sequence, other]);
    expect(seen).toEqual([0x0005, 0x0005, 0x0004]);
  });
  it('lets sequences on two sessions run side by side, and nests sequences on one session', async () => {
    const bootStatus = (code: number) => encodeResponseFrame({ cmdCode: code, payload: Uint8Array.of(0, 0, 0, 0), checksum: 'crc16' });
    const a = await scripted((code) => bootStatus(code));
    const b = await scripted((code) => bootStatus(code));
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const reached = new Promise<void>((r) => (holding = r));
    const sequenceA = a.session.exclusive(async () => {
      await a.session.execute(Sys.SysGetBootStatus, undefined);
      // A sequence inside a sequence of the same session, and one of another session inside that,
      // which in turn talks to the first session again: none of them may wait for itself.
      await a.session.exclusive(() =>
        b.session.exclusive(async () => {
          await b.session.execute(Sys.SysGetBootStatus, undefined);
          await a.session.execute(Sys.SysGetBootStatus, undefined);
        }),
      );
      holding();
      await held;
    });
    await reached;
    // Session A's sequence is still open (it waits for `held`); session B does not wait for it.
    await expect(b.session.exclusive(() => b.session.execute(Sys.SysGetBootStatus, undefined))).resolves.toEqual({ bits: 0 });
    release();
    await sequenceA;
    // A command from outside the sequence ran only after it ended.
    await expect(a.session.execute(Sys.SysGetBootStatus, undefined)).resolves.toEqual({ bits: 0 });
  });
});
