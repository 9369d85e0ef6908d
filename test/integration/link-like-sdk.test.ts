import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, type SimProcess } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import { cleanupAfterAll } from '../helpers/cleanup.ts';
import { encodeCommandFrame, FrameReader, type CommandFrame } from '../../shared/brp/frame.ts';
import { createBalcfg } from '../../shared/config/model.ts';
import { withSession } from '../../electron/host/readers/openSession.ts';
import { finalizeOnReader } from '../../electron/host/lifecycle/finalize.ts';
import { decodeBec2Text, deployToReader } from '../../electron/host/lifecycle/deployJob.ts';
import type { FrameLogEntry } from '../../electron/host/brp/frameLog.ts';

// The link the way BALTECH's own host stack runs it, against real processes: `readerdesk`
// CLI runs on one side, `readerdesk simulate` on a socat pty or TCP on the other.

const readers = virtualReaders();
const cleanup = cleanupAfterAll();
const simProcess = (args: string[] = []) => readers.startProcess(args);

function tcpPort(address: string): number {
  return Number(/:(\d+)$/.exec(address)![1]);
}

/** A TCP relay in front of a reader that keeps every byte the host sends, to look at the frames themselves. */
async function recordingRelay(target: string): Promise<{ address: string; hostBytes: () => Uint8Array }> {
  const chunks: Buffer[] = [];
  const server = net.createServer((host) => {
    const reader = net.connect({ host: '127.0.0.1', port: tcpPort(target) });
    host.on('data', (d) => {
      chunks.push(d);
      reader.write(d);
    });
    reader.on('data', (d) => host.write(d));
    host.on('close', () => reader.destroy());
    reader.on('close', () => host.destroy());
    host.on('error', () => undefined);
    reader.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  cleanup(() => new Promise<void>((r) => server.close(() => r())));
  return { address: `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`, hostBytes: () => new Uint8Array(Buffer.concat(chunks)) };
}

function commandFrames(bytes: Uint8Array): { frame: CommandFrame; raw: Uint8Array }[] {
  const out: { frame: CommandFrame; raw: Uint8Array }[] = [];
  for (const ev of FrameReader.forCommands().push(bytes)) {
    if (ev.kind !== 'frame') throw new Error(`the host sent something that is no command frame: ${ev.kind}`);
    out.push({ frame: ev.frame, raw: ev.raw });
  }
  return out;
}

describe('BRP over TCP like BALTECH\'s stack', () => {
  it('reads a reader that sends each answer in two TCP segments 40 ms apart', async () => {
    const sim = await simProcess(['--tcp', '127.0.0.1:0', '--split-ms', '40']);
    const port = tcpPort(sim.address);
    const r = await runCli(['info', '--port', `tcp://127.0.0.1:${port}`, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.firmware).toMatch(/^1100 VirtRead/);
    expect(info.link).toEqual({ checksum: 'none', kind: 'tcp', automatic: true, reason: 'TCP checks the data itself' });
  });

  it('the simulator really splits: an answer arrives as two segments', async () => {
    const sim = await simProcess(['--tcp', '127.0.0.1:0', '--split-ms', '40']);
    const socket = net.connect({ host: '127.0.0.1', port: tcpPort(sim.address) });
    cleanup(() => void socket.destroy());
    await new Promise((r) => socket.once('connect', r));
    const segments: number[] = [];
    const request = encodeCommandFrame({ cmdCode: 0x0004, checksum: 'none' });
    // Complete once the bytes announced by the answer's length field (LSB first, bytes 3 and 4) are there.
    const whole = new Promise<void>((resolve) => {
      let got = Buffer.alloc(0);
      socket.on('data', (d) => {
        segments.push(d.length);
        got = Buffer.concat([got, d]);
        if (got.length >= 5 && got.length >= 5 + got[3]! + (got[4]! << 8)) resolve();
      });
    });
    socket.write(request);
    await whole;
    expect(segments.length).toBe(2);
  });

  it('sends every frame with flags 0x0C and no checksum over TCP', async () => {
    const sim = await simProcess(['--tcp', '127.0.0.1:0']);
    const relay = await recordingRelay(sim.address);
    const r = await runCli(['info', '--port', relay.address]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Link checksum: {4}none \(automatic: TCP checks the data itself\)/);
    const frames = commandFrames(relay.hostBytes());
    expect(frames.length).toBeGreaterThanOrEqual(4);
    for (const { frame, raw } of frames) {
      expect(raw[0], `frame ${frame.cmdCode.toString(16)}`).toBe(0x0c);
      expect(frame.checksum).toBe('none');
    }
  });

  it('still sends CRC16 over TCP when the user asks for it with --checksum', async () => {
    const sim = await simProcess(['--tcp', '127.0.0.1:0']);
    const relay = await recordingRelay(sim.address);
    const r = await runCli(['info', '--port', relay.address, '--checksum', 'crc16']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Link checksum: {4}crc16 \(set for this port\)/);
    expect(commandFrames(relay.hostBytes()).every(({ raw }) => raw[0] === 0x2c)).toBe(true);
  });

  it('refuses a malformed tcp:// address with a sentence before opening anything', async () => {
    const r = await runCli(['info', '--port', 'tcp://127.0.0.1:99999']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--port: the port in "tcp:\/\/127\.0\.0\.1:99999" must be between 1 and 65535/);
  });
});

describe('BRP over a serial pty', () => {
  let sim: SimProcess;

  it('uses CRC16 by default on a port of unknown kind', async () => {
    sim = await simProcess();
    const r = await runCli(['info', '--port', sim.address, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.firmware).toMatch(/^1100 VirtRead/);
    expect(info.link).toMatchObject({ checksum: 'crc16', kind: 'unknown', automatic: true });
  });

  it('works without a checksum when asked (flags 0x0C), and says the choice was the user\'s', async () => {
    const r = await runCli(['info', '--port', sim.address, '--checksum', 'none', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.firmware).toMatch(/^1100 VirtRead/);
    expect(info.link).toEqual({ checksum: 'none', kind: 'unknown', automatic: false, reason: 'set for this port' });
  });

  it('refuses an unknown --checksum with the choices', async () => {
    const r = await runCli(['readback', '--port', sim.address, '--checksum', 'bcc16']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/--checksum takes none, crc16 or bcc8 \(got "bcc16"\)/);
  });
});

describe('frames sized from the reader\'s buffer, and the restart like BALTECH\'s uploader', () => {

  it('deploys to a reader with a 128-byte buffer, never sending a larger frame, and probes the restarted reader with Sys.GetBootStatus', async () => {
    const finalizer = await readers.start();
    const small = await readers.start({ bufferSize: 128, rebootMs: 300 });
    const out = path.join(tempDir('rd-buf-'), 'site.bec2');
    await withSession(finalizer.address, (s) => finalizeOnReader(s, createBalcfg({ name: 'Site', customer: 50001, project: 501, device: 0 }), { outPath: out }));
    const binary = decodeBec2Text(fs.readFileSync(out, 'latin1'));

    const log: FrameLogEntry[] = [];
    const result = await deployToReader(binary, small.address, { frameLog: (e) => log.push(e) });
    expect(result).toMatchObject({ result: 'accepted', configIdAfter: '50001-0501-0000-01 Site' });
    const sent = log.filter((e) => e.direction === 'out');
    expect(Math.max(...sent.map((e) => e.bytes.length))).toBeLessThanOrEqual(128);
    expect(log.some((e) => e.problem)).toBe(false);
    // After the last block the reader restarts; the first command to the restarted reader is Sys.GetBootStatus.
    const lastUpload = sent.findLastIndex((e) => e.bytes[1] === 0xf0 && e.bytes[2] === 0x11);
    const next = sent[lastUpload + 1]!;
    expect([next.bytes[1], next.bytes[2]]).toEqual([0x00, 0x05]);
  });
});
