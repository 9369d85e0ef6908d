import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SerialDevice } from '../../node/serial/serialDevice.ts';
import { tempDir } from '../helpers/processes.ts';

// The serial device the host and the virtual reader both read and write without serialport's
// stream layer: a socat pty pair stands in for the cable, each end opened as a SerialDevice.

const pairs: ChildProcess[] = [];
const devices: SerialDevice[] = [];

async function ptyPair(): Promise<{ a: string; b: string; socat: ChildProcess }> {
  const dir = tempDir('rd-serial-');
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  const socat = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
  pairs.push(socat);
  const end = Date.now() + 5000;
  while (!(fs.existsSync(a) && fs.existsSync(b))) {
    if (Date.now() > end) throw new Error('socat did not create the pty pair');
    await new Promise((r) => setTimeout(r, 10));
  }
  return { a, b, socat };
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
  for (const s of pairs.splice(0)) s.kill();
});

describe('a serial device over a real pty', () => {
  it('carries a transfer far larger than the line buffers intact and in order, from writes queued at once', async () => {
    const { a, b } = await ptyPair();
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
    const { a, b } = await ptyPair();
    const [left, right] = [await open(a), await open(b)];
    const chunks: Uint8Array[] = [];
    right.onData((bytes) => chunks.push(bytes));
    await left.write(Uint8Array.of(1, 2, 3));
    await until(() => chunks.length >= 1);
    await left.write(Uint8Array.of(9, 9, 9, 9, 9));
    await until(() => chunks.reduce((n, c) => n + c.length, 0) >= 8);
    expect(chunks[0]).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('reports the device as lost when the other end goes away, as with a USB adapter pulled out', async () => {
    const { a, socat } = await ptyPair();
    const left = await open(a);
    const lost = new Promise<Error>((resolve) => left.onLost(resolve));
    socat.kill('SIGTERM');
    const err = await lost;
    expect(err.message).toMatch(/^the port was disconnected \(.+\)$/);
    expect(left.isOpen).toBe(false);
    await expect(left.write(Uint8Array.of(1))).rejects.toThrow(/not open/);
  });

  it('refuses a path that is no serial device with the operating system\'s reason', async () => {
    await expect(SerialDevice.open(path.join(tempDir('rd-serial-'), 'nothing'), { baudRate: 115200 })).rejects.toThrow(/ENOENT|No such file/);
  });

  it('gives the port back on close: the same process opens it again at once', async () => {
    const { a, b } = await ptyPair();
    const first = await open(a);
    await first.close();
    const again = await open(a);
    const right = await open(b);
    const got = collect(right, 2);
    await again.write(Uint8Array.of(0xab, 0xcd));
    expect(await got).toEqual(Uint8Array.of(0xab, 0xcd));
  });
});

async function until(cond: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
