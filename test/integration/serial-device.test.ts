import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialDevice } from '../../node/serial/serialDevice.ts';
import { ptyPair, tempDir, type PtyPair } from '../helpers/processes.ts';
import { waitUntil } from '../helpers/waitUntil.ts';

// The serial device the host and the virtual reader both read and write without serialport's
// stream layer: a socat pty pair stands in for the cable, each end opened as a SerialDevice.

const pairs: PtyPair[] = [];
const devices: SerialDevice[] = [];

/** The two ends of a socat pty pair, a and b; the pair ends after the test. */
async function cable(): Promise<{ a: string; b: string; pair: PtyPair }> {
  const pair = await ptyPair();
  pairs.push(pair);
  return { a: pair.host, b: pair.reader, pair };
}

async function open(p: string): Promise<SerialDevice> {
  const d = await SerialDevice.open(p, { baudRate: 115200 });
  devices.push(d);
  return d;
}

function collect(device: SerialDevice, until: number): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const parts: Uint8Array[] = [];
    let got = 0;
    device.onData((bytes) => {
      parts.push(bytes);
      got += bytes.length;
      if (got < until) return;
      const all = new Uint8Array(got);
      let at = 0;
      for (const p of parts) {
        all.set(p, at);
        at += p.length;
      }
      resolve(all);
    });
  });
}

afterEach(async () => {
  await Promise.all(devices.splice(0).map((d) => d.close()));
  await Promise.all(pairs.splice(0).map((p) => p.stop()));
});

describe('a serial device over a real pty', () => {
  it('carries a transfer far larger than the line buffers intact and in order, from writes queued at once', async () => {
    const { a, b } = await cable();
    const [left, right] = [await open(a), await open(b)];
    // 400 KB in 100 writes: the pty's buffer (a few KB) fills up, so most writes wait for room.
    const blocks = Array.from({ length: 100 }, (_, i) => Uint8Array.from({ length: 4096 }, (_, j) => (i * 7 + j) & 0xff));
    const received = collect(right, 100 * 4096);
    await Promise.all(blocks.map((blk) => left.write(blk)));
    const all = await received;
    expect(all.length).toBe(100 * 4096);
    for (let i = 0; i < 100; i++) expect(all.subarray(i * 4096, (i + 1) * 4096)).toEqual(blocks[i]);
  });

  it('keeps what a listener got intact while later bytes arrive', async () => {
    const { a, b } = await cable();
    const [left, right] = [await open(a), await open(b)];
    const chunks: Uint8Array[] = [];
    right.onData((bytes) => chunks.push(bytes));
    await left.write(Uint8Array.of(1, 2, 3));
    await waitUntil('the first bytes', () => chunks.length >= 1, { timeoutMs: 5000, everyMs: 5 });
    await left.write(Uint8Array.of(9, 9, 9, 9, 9));
    await waitUntil('all eight bytes', () => chunks.reduce((n, c) => n + c.length, 0) >= 8, { timeoutMs: 5000, everyMs: 5 });
    expect(chunks[0]).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('reports the device as lost when the other end goes away, as with a USB adapter pulled out', async () => {
    const { a, pair } = await cable();
    const left = await open(a);
    const lost = new Promise<Error>((resolve) => left.onLost(resolve));
    await pair.stop();
    const err = await lost;
    expect(err.message).toMatch(/^the port was disconnected \(.+\)$/);
    expect(left.isOpen).toBe(false);
    await expect(left.write(Uint8Array.of(1))).rejects.toThrow(/not open/);
  });

  it('refuses a path that is no serial device with the operating system\'s reason', async () => {
    await expect(SerialDevice.open(path.join(tempDir('rd-serial-'), 'nothing'), { baudRate: 115200 })).rejects.toThrow(/ENOENT|No such file/);
  });

  it('gives the port back on close: the same process opens it again at once', async () => {
    const { a, b } = await cable();
    const first = await open(a);
    await first.close();
    const again = await open(a);
    const right = await open(b);
    const got = collect(right, 2);
    await again.write(Uint8Array.of(0xab, 0xcd));
    expect(await got).toEqual(Uint8Array.of(0xab, 0xcd));
  });
});
