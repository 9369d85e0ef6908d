import { describe, expect, it } from 'vitest';
import { MemoryTransport } from '../../../electron/host/transport/memoryTransport.ts';
import { BrpSession } from '../../../electron/host/brp/session.ts';
import { attachMemoryReader } from '../../../simulator/memoryReader.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import * as Main from '../../../shared/brp/commands/main.ts';
import { concatBytes } from '../../../shared/bytes.ts';
import { decodeResponseFrame, encodeCommandFrame } from '../../../shared/brp/frame.ts';
import { tempDir } from '../../helpers/processes.ts';

async function virtualReader(bufferSize?: number) {
  const [host, end] = MemoryTransport.pair();
  const reader = await attachMemoryReader(end, tempDir('rd-buf-'), bufferSize === undefined ? {} : { bufferSize });
  await host.open();
  return { host, reader, session: new BrpSession(host, { checksum: 'crc16' }) };
}

/** A BEC2 head whose directory names a 20,000-byte file: enough for the reader to ask block by block. */
function bec2Head(): Uint8Array {
  const dir = Uint8Array.of(8, 0, 0, 0, 0, 0, 0, 0x4e, 0x20); // entry: addr 0, total 20000
  return concatBytes(new TextEncoder().encode('BEC2\0'), Uint8Array.of(0, 0), Uint8Array.of(0, 0, 0, dir.length), dir);
}

/** Uploads until the reader has asked for a few blocks of payload; returns the lengths it asked for. */
async function requestedBlocks(session: BrpSession): Promise<number[]> {
  const file = concatBytes(bec2Head(), new Uint8Array(20_000));
  const asked: number[] = [];
  let req: Main.Bf3BlockRequest = await session.execute(Main.MainBf3UploadStart, undefined);
  while (asked.length < 8) {
    asked.push(req.reqDataLen);
    req = await session.execute(Main.MainBf3UploadContinue, { dataAdr: req.reqDataAdr, data: file.subarray(req.reqDataAdr, req.reqDataAdr + req.reqDataLen) });
  }
  return asked;
}

describe('the virtual reader\'s frame buffer', () => {
  it('reports its buffer size: 1024 bytes per frame unless told otherwise', async () => {
    expect(await (await virtualReader()).session.execute(Sys.SysGetBufferSize, undefined)).toEqual({ maxSendSize: 1024, maxRecvSize: 1024, totalSize: 2048 });
    expect(await (await virtualReader(256)).session.execute(Sys.SysGetBufferSize, undefined)).toEqual({ maxSendSize: 256, maxRecvSize: 256, totalSize: 512 });
  });

  it('asks for upload blocks as large as its buffer allows', async () => {
    const small = await requestedBlocks((await virtualReader(256)).session);
    const large = await requestedBlocks((await virtualReader(4096)).session);
    // 13 bytes of each frame are header, address, length and CRC16.
    expect(Math.max(...small)).toBe(256 - 13);
    expect(Math.max(...large)).toBe(4096 - 13);
  });

  it('answers a command frame larger than its buffer with ErrFrame, as a reader whose buffer overflowed', async () => {
    const { host } = await virtualReader(128);
    const answer = new Promise<Uint8Array>((resolve) => host.onData(resolve));
    await host.write(encodeCommandFrame({ cmdCode: 0x0009, payload: concatBytes(Uint8Array.of(0x06, 0x20, 0x10, 125), new Uint8Array(125)), checksum: 'crc16' }));
    const frame = decodeResponseFrame(await answer);
    expect(frame).toMatchObject({ cmdCode: 0x0009, status: 0x82, checksum: 'crc16' });
  });

  it('answers with ErrResponseTooLong when its answer would not fit its buffer', async () => {
    const { session, reader } = await virtualReader(128);
    reader.config.set(0x0620, 0x10, new Uint8Array(100));
    reader.config.set(0x0620, 0x11, new Uint8Array(125)); // an answer of 133 bytes
    await expect(session.execute(Sys.SysCfgGetValue, { key: 0x0620, value: 0x10 })).resolves.toEqual({ content: new Uint8Array(100) });
    await expect(session.execute(Sys.SysCfgGetValue, { key: 0x0620, value: 0x11 })).rejects.toThrow(/ErrResponseTooLong \(status 0x83\)/);
  });
});
