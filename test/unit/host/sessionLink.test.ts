import { describe, expect, it } from 'vitest';
import { MemoryTransport } from '../../../electron/host/transport/memoryTransport.ts';
import { BrpSession } from '../../../electron/host/brp/session.ts';
import { decodeCommandFrame, encodeResponseFrame } from '../../../shared/brp/frame.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import { BrpTimeoutError, FrameTooLargeError } from '../../../shared/brp/errors.ts';
import type { FrameLogEntry } from '../../../electron/host/brp/frameLog.ts';
import { englishText } from '../../../shared/errors/hostError.ts';

// The host reads answers by their length field, as BALTECH's host library does; timing on the line
// is the reader's business (real-readers.md, Link layer).

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const INFO = '1100 IDE Z     1.14.00 12/18/19 43893126';
const infoAnswer = () => encodeResponseFrame({ cmdCode: 0x0004, payload: new TextEncoder().encode(`${INFO}\0`), checksum: 'crc16' });

type Script = (cmdCode: number, payload: Uint8Array, send: (bytes: Uint8Array) => Promise<void>) => Promise<void> | void;

async function scripted(script: Script, transport?: MemoryTransport) {
  const [host, reader] = transport ? [transport, new MemoryTransport('memory://reader')] : MemoryTransport.pair();
  host.peer = reader;
  reader.peer = host;
  await host.open();
  await reader.open();
  const seen: number[] = [];
  const frames: Uint8Array[] = [];
  reader.onData((bytes) => {
    frames.push(bytes);
    const f = decodeCommandFrame(bytes);
    seen.push(f.cmdCode);
    void script(f.cmdCode, f.payload, (b) => reader.write(b));
  });
  const log: FrameLogEntry[] = [];
  const session = new BrpSession(host, { timeoutMarginMs: 20, frameLog: (e) => log.push(e) });
  return { session, seen, frames, log };
}

describe('reading answers by their length field', () => {
  it('reads an answer that arrives in two pieces 40 ms apart', async () => {
    const { session } = await scripted(async (_code, _p, send) => {
      const f = infoAnswer();
      await send(f.subarray(0, 20));
      await sleep(40);
      await send(f.subarray(20));
    });
    expect((await session.execute(Sys.SysGetInfo, undefined)).info).toBe(INFO);
  });

  it('reads an answer that arrives byte by byte with 30 ms between the bytes', async () => {
    const { session, log } = await scripted(async (_code, _p, send) => {
      for (const b of infoAnswer()) {
        await send(Uint8Array.of(b));
        await sleep(30);
      }
    });
    expect((await session.execute(Sys.SysGetInfo, undefined, { timeoutMs: 10_000 })).info).toBe(INFO);
    expect(log.filter((e) => e.problem)).toEqual([]);
  });

  it('drops a partial frame when its command times out, and the next command is answered normally', async () => {
    let n = 0;
    const { session, log } = await scripted(async (code, _p, send) => {
      // First answer: a header that announces 0x0100 payload bytes, then nothing.
      if (n++ === 0) await send(Uint8Array.of(0x2c, 0x00, 0x05, 0x00, 0x01, 0xaa));
      else await send(encodeResponseFrame({ cmdCode: code, payload: Uint8Array.of(0, 0, 0, 1), checksum: 'crc16' }));
    });
    await expect(session.execute(Sys.SysGetBootStatus, undefined)).rejects.toBeInstanceOf(BrpTimeoutError);
    expect(log.some((e) => (e.problem && englishText(e.problem)) === 'incomplete frame dropped: its command timed out')).toBe(true);
    expect(await session.execute(Sys.SysGetBootStatus, undefined)).toEqual({ bits: 1 });
  });

  it('drops leftovers of an earlier answer when the next command starts', async () => {
    let n = 0;
    const { session, log } = await scripted(async (code, _p, send) => {
      if (n++ === 0) {
        // A complete answer followed by the start of a frame that never ends.
        await send(encodeResponseFrame({ cmdCode: code, payload: Uint8Array.of(0, 0, 0, 0), checksum: 'crc16' }));
        await send(Uint8Array.of(0x0c, 0x00, 0x05, 0x40));
      } else {
        await send(infoAnswer());
      }
    });
    expect(await session.execute(Sys.SysGetBootStatus, undefined)).toEqual({ bits: 0 });
    await sleep(10);
    expect((await session.execute(Sys.SysGetInfo, undefined)).info).toBe(INFO);
    expect(log.some((e) => (e.problem && englishText(e.problem)) === 'incomplete frame dropped before the next command')).toBe(true);
  });

  it('gives a TCP link the 1,500 ms round-trip margin on top of every command timeout', async () => {
    class TcpLike extends MemoryTransport {
      readonly roundTripMarginMs = 1500;
    }
    // Sys.GetBootStatus allows 50 ms; this answer comes 400 ms late, well inside the TCP margin.
    const { session } = await scripted(async (code, _p, send) => {
      await sleep(400);
      await send(encodeResponseFrame({ cmdCode: code, payload: Uint8Array.of(0, 0, 0, 0), checksum: 'none' }));
    }, new TcpLike('memory://tcp-like'));
    expect(await session.execute(Sys.SysGetBootStatus, undefined)).toEqual({ bits: 0 });
  });
});

describe('frames sized from Sys.GetBufferSize', () => {
  const bufferAnswer = (send: (b: Uint8Array) => Promise<void>, sizes: Uint8Array) =>
    send(encodeResponseFrame({ cmdCode: 0x0000, payload: sizes, checksum: 'crc16' }));
  const ok = (code: number) => encodeResponseFrame({ cmdCode: code, checksum: 'crc16' });

  it('refuses a frame larger than the reader takes, with a sentence, and never sends it', async () => {
    const { session, seen } = await scripted(async (code, _p, send) => {
      if (code === 0x0000) await bufferAnswer(send, Uint8Array.of(0x00, 0x80, 0x00, 0x80, 0x01, 0x00)); // 128 / 128 / 256
      else await send(ok(code));
    });
    const err = await session.execute(Sys.SysCfgSetValue, { key: 0x0620, value: 0x10, content: new Uint8Array(128) }).catch((e) => e);
    expect(err).toBeInstanceOf(FrameTooLargeError);
    expect(err.message).toMatch(/^Sys\.CfgSetValue needs a command frame of 139 bytes, but the reader takes at most 128 bytes per frame/);
    expect(err.message).toMatch(/This configuration value is too long for this reader/);
    expect(seen).toEqual([0x0000]);
    // A value that fits goes out; the buffer size is not asked again.
    await session.execute(Sys.SysCfgSetValue, { key: 0x0620, value: 0x10, content: new Uint8Array(100) });
    expect(seen).toEqual([0x0000, 0x0009]);
  });

  it('asks nothing for frames within the guaranteed 128 bytes', async () => {
    const { session, seen } = await scripted(async (code, _p, send) => {
      await send(ok(code));
    });
    await session.execute(Sys.SysCfgSetValue, { key: 0x0620, value: 0x10, content: new Uint8Array(100) });
    expect(seen).toEqual([0x0009]);
  });

  it('keeps to the guaranteed 128 bytes where the firmware does not know Sys.GetBufferSize', async () => {
    const { session, seen } = await scripted(async (code, _p, send) => {
      await send(code === 0x0000 ? encodeResponseFrame({ cmdCode: 0, status: 0x41, checksum: 'crc16' }) : ok(code));
    });
    const err = await session.execute(Sys.SysCfgSetValue, { key: 0x0620, value: 0x10, content: new Uint8Array(120) }).catch((e) => e);
    expect(err).toBeInstanceOf(FrameTooLargeError);
    expect(err.message).toMatch(/the 128 bytes every reader guarantees/);
    expect(seen).toEqual([0x0000]);
  });

  it('applies to raw commands too', async () => {
    const { session, seen } = await scripted(async (code, _p, send) => {
      if (code === 0x0000) await bufferAnswer(send, Uint8Array.of(0x01, 0x00, 0x01, 0x00, 0x02, 0x00)); // 256 / 256 / 512
      else await send(ok(code));
    });
    await expect(session.raw(0x0105, new Uint8Array(300))).rejects.toThrow(/needs a command frame of 307 bytes, but the reader takes at most 256/);
    expect((await session.raw(0x0105, new Uint8Array(200))).status).toBe(0);
    expect(seen).toEqual([0x0000, 0x0105]);
  });
});
