import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { encodeCommandFrame, encodeResponseFrame, decodeResponseFrame } from '../../shared/brp/frame.ts';
import { toHex } from '../../shared/bytes.ts';
import { ptyPair, runCli, startSimProcess, type SimProcess } from '../helpers/processes.ts';

describe('readerdesk CLI against a virtual reader on a real pty', () => {
  let sim: SimProcess;
  beforeAll(async () => {
    sim = await startSimProcess(['--firmware', '1100 IDE Z     1.14.00 12/18/19']);
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('prints the pty path the host should open', () => {
    expect(sim.address).toMatch(/\/tty$/);
  });

  it('info --json reports firmware, no configuration and an unset security code', async () => {
    const r = await runCli(['info', '--port', sim.address, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.firmware).toMatch(/^1100 IDE Z {5}1\.14\.00 12\/18\/19 \d{8}$/);
    expect(info.configId).toBeNull();
    expect(info.configName).toBeNull();
    expect(info.securityCode).toBe('unset');
    // Reading never writes: the customer key is identified only when asked for.
    expect(info.customerKey).toBeNull();
  });

  it('info --identify-customer-key tells a default customer key', async () => {
    const r = await runCli(['info', '--port', sim.address, '--json', '--identify-customer-key']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).customerKey).toMatchObject({ kind: 'default', signature: expect.stringMatching(/^[0-9A-F]{8}$/) });
    const words = await runCli(['info', '--port', sim.address]);
    expect(words.stdout).toMatch(/Customer key: +not identified \(add --identify-customer-key/);
  });

  it('info in words warns that a reader without project settings is a security risk', async () => {
    const r = await runCli(['info', '--port', sim.address]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Security code:    unset');
    expect(r.stdout).toMatch(/WARNING: this reader has no project settings/);
  });

  it('the reader answers a frame with a wrong checksum with ErrChecksum', async () => {
    const port = new SerialPort({ path: sim.address, baudRate: 115200, autoOpen: false });
    await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
    try {
      const frame = encodeCommandFrame({ cmdCode: 0x0004, checksum: 'crc16' });
      frame[frame.length - 1]! ^= 0xff;
      const answer = new Promise<Uint8Array>((resolve) => {
        let buf = new Uint8Array(0);
        port.on('data', (d: Buffer) => {
          buf = new Uint8Array([...buf, ...d]);
          if (buf.length >= 6) resolve(buf);
        });
      });
      port.write(Buffer.from(frame));
      const resp = decodeResponseFrame(await answer);
      expect(resp.status).toBe(0x84);
    } finally {
      await new Promise<void>((r) => port.close(() => r()));
    }
  });

  it('answers a frame that stops midway with ErrFrame once the 20 ms gap has passed', async () => {
    const port = new SerialPort({ path: sim.address, baudRate: 115200, autoOpen: false });
    await new Promise<void>((res, rej) => port.open((e) => (e ? rej(e) : res())));
    try {
      const frame = encodeCommandFrame({ cmdCode: 0x0008, payload: Uint8Array.of(0x06, 0x20, 0x01), checksum: 'crc16' });
      const answer = new Promise<Uint8Array>((resolve) => {
        let buf = new Uint8Array(0);
        port.on('data', (d: Buffer) => {
          buf = new Uint8Array([...buf, ...d]);
          if (buf.length >= 6) resolve(buf);
        });
      });
      port.write(Buffer.from(frame.subarray(0, 5)));
      const resp = decodeResponseFrame(await answer);
      expect(resp.status).toBe(0x82);
    } finally {
      await new Promise<void>((r) => port.close(() => r()));
    }
  });
});

describe('readerdesk CLI failures', () => {
  it('names a port that does not exist', async () => {
    const r = await runCli(['info', '--port', '/dev/ttyDOESNOTEXIST9']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no serial port \/dev\/ttyDOESNOTEXIST9/);
  });

  it('says the reader did not answer when nobody is on the line', async () => {
    const pair = await ptyPair();
    try {
      const r = await runCli(['info', '--port', pair.host]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/did not answer Sys\.GetInfo/);
    } finally {
      await pair.stop();
    }
  });

  it('reports a wrong checksum in the reader\'s answer', async () => {
    const pair = await ptyPair();
    const fake = new SerialPort({ path: pair.reader, baudRate: 115200, autoOpen: false });
    await new Promise<void>((res, rej) => fake.open((e) => (e ? rej(e) : res())));
    fake.on('data', () => {
      const resp = encodeResponseFrame({ cmdCode: 0x0004, payload: new TextEncoder().encode('1100 X\0'), checksum: 'crc16' });
      resp[resp.length - 1]! ^= 0x55;
      fake.write(Buffer.from(resp));
    });
    try {
      const r = await runCli(['info', '--port', pair.host]);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/checksum/i);
    } finally {
      await new Promise<void>((r) => fake.close(() => r()));
      await pair.stop();
    }
  });

  it('ports --json lists serial ports with path, manufacturer and vendor/product id', async () => {
    const r = await runCli(['ports', '--json']);
    expect(r.code).toBe(0);
    const ports = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(Array.isArray(ports)).toBe(true);
    for (const p of ports) expect(Object.keys(p)).toEqual(expect.arrayContaining(['path', 'manufacturer', 'vendorId', 'productId']));
  });

  it('ui refuses to listen anywhere but on loopback', async () => {
    const r = await runCli(['ui', '--listen', '0.0.0.0:8080', '--no-sim']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/127\.0\.0\.1 only/);
  });

  it('brp encode prints the documented CRC16 frame of Sys.GetInfo', async () => {
    const r = await runCli(['brp', 'encode', '0004', '--checksum', 'crc16']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('2C000400004E53');
  });

  it('brp encode without checksum matches the docs', async () => {
    const r = await runCli(['brp', 'encode', '0x0008', '062001', '--checksum', 'none']);
    expect(r.stdout.trim()).toBe('0C000803000620' + '01');
  });

  it('brp decode explains a frame and flags a wrong checksum', async () => {
    const ok = await runCli(['brp', 'decode', '2C00040000 4E53']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Sys\.GetInfo/);
    const bad = await runCli(['brp', 'decode', '2C000400004E54']);
    expect(bad.code).not.toBe(0);
    expect(bad.stdout).toMatch(/checksum/i);
    expect(toHex(Uint8Array.of(0x4e, 0x53))).toBe('4E53');
  });
});
