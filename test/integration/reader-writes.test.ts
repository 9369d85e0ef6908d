import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunningSimulator } from '../../simulator/startSimulator.ts';
import { newBalcfg, runCli, tempDir } from '../helpers/processes.ts';
import { virtualReaders } from '../helpers/virtualReaders.ts';
import { commandByCode } from '../../shared/brp/commands/index.ts';
import type { CommandFrame } from '../../shared/brp/frame.ts';
import { fromHex, toHex } from '../../shared/bytes.ts';
import { openBec2InitCustKey, parseBec2File } from '../../shared/bec2/index.ts';
import { ReaderManager } from '../../electron/host/app/readerManager.ts';
import { readBackValues } from '../../electron/host/lifecycle/readBack.ts';

// What a real reader sees on its line: reading it (info, connect, refresh, read back) sends no
// command that changes it; finalize writes only its documented key-list entry and removes it again.

const CUSTOM_KEY = 'C0C1C2C3C4C5C6C7C8C9';
const readers = virtualReaders();
let work: string;

interface Seen {
  name: string;
  frame: CommandFrame;
}

function watch(sim: RunningSimulator): { seen: Seen[]; writes: () => Seen[]; stop: () => void } {
  const seen: Seen[] = [];
  const stop = sim.reader.watchCommands((frame) => seen.push({ name: commandByCode(frame.cmdCode)?.name ?? `0x${frame.cmdCode.toString(16)}`, frame }));
  return { seen, writes: () => seen.filter((s) => commandByCode(s.frame.cmdCode)?.changesReader === true), stop };
}

/** A reader whose own configuration uses the two top key-list entries (0601/FF, 0601/FE). */
async function readerWithKeyList(customerKey?: string): Promise<RunningSimulator> {
  const sim = await readers.start({ customerKey, rebootMs: 200 });
  sim.reader.config.set(0x0601, 0xff, fromHex('11111111111111111111111111111111'));
  sim.reader.config.set(0x0601, 0xfe, fromHex('22222222222222222222222222222222'));
  sim.reader.persist();
  return sim;
}

function stateFile(sim: RunningSimulator): string {
  return path.join(sim.reader.stateDir, 'reader.json');
}

function keyList(sim: RunningSimulator): Record<string, string> {
  const config = JSON.parse(fs.readFileSync(stateFile(sim), 'utf8')).config as Record<string, string>;
  return Object.fromEntries(Object.entries(config).filter(([id]) => id.startsWith('0601/')));
}

const newConfig = (name: string, project: number) => newBalcfg(path.join(work, `${name}.balcfg`), { name, project });

beforeAll(() => {
  work = tempDir('rd-writes-');
});

describe('reading a reader never writes to it', () => {
  it('info and readback over a real pty send only reading commands and leave the stored state untouched', async () => {
    const sim = await readerWithKeyList(CUSTOM_KEY);
    const before = fs.readFileSync(stateFile(sim), 'utf8');
    const mtime = fs.statSync(stateFile(sim)).mtimeMs;
    const w = watch(sim);
    const info = await runCli(['info', '--port', sim.address, '--json']);
    expect(info.code, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout).customerKey).toBeNull();
    const back = await runCli(['readback', '--port', sim.address, '--json']);
    expect(back.code, back.stderr).toBe(0);
    w.stop();
    expect(w.seen.length).toBeGreaterThan(3);
    expect(w.writes().map((s) => s.name)).toEqual([]);
    expect(fs.readFileSync(stateFile(sim), 'utf8')).toBe(before);
    expect(fs.statSync(stateFile(sim)).mtimeMs).toBe(mtime);
  });

  it('connecting, refreshing and reading back in the app send only reading commands', async () => {
    const sim = await readerWithKeyList();
    const before = fs.readFileSync(stateFile(sim), 'utf8');
    const manager = new ReaderManager({ pollMs: 50 });
    const w = watch(sim);
    try {
      const summary = await manager.connect(sim.address);
      expect(summary.firmware).toMatch(/\S/);
      expect(summary.customerKeyKind).toBeNull();
      await manager.refresh(summary.id);
      await readBackValues(manager.session(summary.id));
      await new Promise((r) => setTimeout(r, 200)); // a few tamper polls too
    } finally {
      await manager.closeAll();
      w.stop();
    }
    expect(w.seen.some((s) => s.name === 'AR.GetMessage')).toBe(true);
    expect(w.writes().map((s) => s.name)).toEqual([]);
    expect(fs.readFileSync(stateFile(sim), 'utf8')).toBe(before);
  });
});

describe('identifying the customer key', () => {
  it('borrows a free key-list entry, removes it again, and is remembered for the rest of the session', async () => {
    const sim = await readerWithKeyList(CUSTOM_KEY);
    const keysBefore = keyList(sim);
    const manager = new ReaderManager({ pollMs: 60_000 });
    const w = watch(sim);
    try {
      const { id } = await manager.connect(sim.address);
      const identified = await manager.identifyCustomerKey(id);
      expect(identified.customerKeyKind).toBe('custom');
      expect(identified.customerKeySignature).toMatch(/^[0-9A-F]{8}$/);
      const writesAfterFirst = w.writes().length;
      // Reading again shows the identity without asking the reader again.
      expect((await manager.refresh(id)).customerKeyKind).toBe('custom');
      expect(w.writes().length).toBe(writesAfterFirst);
    } finally {
      await manager.closeAll();
      w.stop();
    }
    const copies = w.writes().filter((s) => s.name === 'Crypto.CopyConfigKey');
    expect(copies.length).toBeGreaterThan(0);
    // KeyIndex 0x7D: 0x7F and 0x7E (0601/FF, 0601/FE) belong to the reader's configuration.
    expect(new Set(copies.map((s) => s.frame.payload[0]))).toEqual(new Set([0x7d]));
    const last = w.writes().at(-1)!;
    expect(last.name).toBe('Sys.CfgDelValues');
    expect(toHex(last.frame.payload)).toBe('0601FD');
    expect(keyList(sim)).toEqual(keysBefore);
  });
});

describe('finalize', () => {
  it('seals with the borrowed entry and a zero IV, removes the entry, and the file opens with the reader keys', async () => {
    const sim = await readerWithKeyList(CUSTOM_KEY);
    const keysBefore = keyList(sim);
    const file = await newConfig('Sealed', 601);
    const out = path.join(work, 'sealed.bec2');
    const w = watch(sim);
    const r = await runCli(['finalize', file, '--port', sim.address, '--out', out]);
    w.stop();
    expect(r.code, r.stderr).toBe(0);
    const names = w.seen.map((s) => s.name);
    const seal = w.seen.find((s) => s.name === 'Crypto.BalKeyEncryptBuffer')!;
    // KeyVersion 3, EmbeddedKeyIndex 0x7D, then the buffer, then a 16-byte all-zero IV.
    expect(seal.frame.payload[1]).toBe(0x7d);
    const bufLen = seal.frame.payload[3]!;
    expect(seal.frame.payload[4 + bufLen]).toBe(16);
    expect(toHex(seal.frame.payload.subarray(5 + bufLen))).toBe('00'.repeat(16));
    // Copy before the seal, delete after it, and nothing else that writes.
    expect(names.indexOf('Crypto.CopyConfigKey')).toBeLessThan(names.indexOf('Crypto.BalKeyEncryptBuffer'));
    expect(names.lastIndexOf('Sys.CfgDelValues')).toBeGreaterThan(names.indexOf('Crypto.BalKeyEncryptBuffer'));
    expect(new Set(w.writes().map((s) => s.name))).toEqual(new Set(['Crypto.CopyConfigKey', 'Sys.CfgDelValues']));
    expect(keyList(sim)).toEqual(keysBefore);

    // bec2format's SoftwareCustKeyEncryptor equivalent: the reader's crypto key opens the block,
    // and it carries the reader's customer key.
    const state = JSON.parse(fs.readFileSync(stateFile(sim), 'utf8'));
    const opened = openBec2InitCustKey(parseBec2File(fs.readFileSync(out, 'utf8')), fromHex(state.factory.cryptoKey));
    expect(toHex(opened.customerKey)).toBe(CUSTOM_KEY);
  });

  it('removes the borrowed entry when it refuses to finalize for another customer key', async () => {
    const linkedOn = await readerWithKeyList(CUSTOM_KEY);
    const other = await readerWithKeyList();
    const file = await newConfig('Linked', 602);
    expect((await runCli(['finalize', file, '--port', linkedOn.address, '--out', path.join(work, 'linked-v1.bec2')])).code).toBe(0);
    expect((await runCli(['config', 'bump', file])).code).toBe(0);
    const keysBefore = keyList(other);
    const w = watch(other);
    const r = await runCli(['finalize', file, '--port', other.address, '--out', path.join(work, 'linked-v2.bec2')]);
    w.stop();
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/linked to the custom customer key/);
    expect(w.seen.some((s) => s.name === 'Crypto.BalKeyEncryptBuffer')).toBe(false);
    expect(w.writes().at(-1)!.name).toBe('Sys.CfgDelValues');
    expect(keyList(other)).toEqual(keysBefore);
    expect(fs.existsSync(path.join(work, 'linked-v2.bec2'))).toBe(false);
  });
});
