// Wireless-memory tags end to end: a virtual reader process on a pty, a tag placed on it with
// `readerdesk sim tag`, and every step and refusal through the real `readerdesk tag` binary.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toHex } from '../../shared/bytes.ts';
import { planPinTransfer } from '../../shared/tag/hostProtocol.ts';
import { REG, RBPCTR_ADDR } from '../../shared/tag/layout.ts';
import { counterBytes } from '../../shared/tag/pinCrypto.ts';
import { runCli, startSimProcess, tempDir, type CliResult, type SimProcess } from '../helpers/processes.ts';

const MASTER0 = '00112233445566778899aabbccddeeff';
const MASTER1 = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const PIN5 = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
const PIN7 = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2';
const WRONG = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3';
const SECRETS = [MASTER0, MASTER1, PIN5, PIN7, WRONG];

let sim: SimProcess;
let dir: string;
const file = (name: string) => path.join(dir, name);
/** Everything the CLI printed after the tag was placed, to check that no PIN ever shows up. */
const printed: string[] = [];

async function rd(...args: string[]): Promise<CliResult> {
  const r = await runCli(args);
  printed.push(r.stdout, r.stderr);
  return r;
}

async function tag(sub: string, ...args: string[]): Promise<CliResult> {
  return rd('tag', sub, '--port', sim.address, ...args);
}

/** A failure is one line on stderr and a non-zero exit code. */
function expectRefusal(r: CliResult, pattern: RegExp): void {
  expect(r.code, r.stdout + r.stderr).not.toBe(0);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(pattern);
}

function expectOk(r: CliResult): string {
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}

async function info(): Promise<{ counter: string; usageFlagSet: boolean; masterPinCount: number; units: Record<string, unknown>[] }> {
  return JSON.parse(expectOk(await tag('info', '--json')));
}

beforeAll(async () => {
  dir = tempDir('rd-tag-');
  sim = await startSimProcess([], path.join(dir, 'sim'));
  await writeFile(file('master0.hex'), `${MASTER0.slice(0, 16)}\n${MASTER0.slice(16)}\n`);
  await writeFile(file('master1.hex'), MASTER1);
  await writeFile(file('wrong-master.hex'), WRONG);
  await writeFile(file('pin5.hex'), PIN5.toUpperCase());
  await writeFile(file('pin7.hex'), PIN7);
  await writeFile(file('wrong.hex'), WRONG);
  await writeFile(file('short.hex'), PIN5.slice(2));
});

afterAll(async () => {
  await sim?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('readerdesk tag on a virtual reader', () => {
  it('says so when no tag is in the field', async () => {
    expectRefusal(await tag('info'), /No tag is in the reader's field/);
  });

  it('places a tag with master PINs (simulator factory programming)', async () => {
    const placed = await runCli(['sim', 'tag', '--state', sim.stateDir, '--place', '--master-pin', `0=${MASTER0}`, '--master-pin', `1=${MASTER1}`]);
    expect(placed.code, placed.stderr).toBe(0);
    expect(placed.stdout).toMatch(/new tag with 2 master PINs/);
    const i = await info();
    expect(i).toMatchObject({ counter: '0', usageFlagSet: false, masterPinCount: 2 });
    expect(expectOk(await tag('info'))).toMatch(/Segment  3: +read open, write open, edit with PIN 252 \(master PIN 0\)/);
  });

  it('provisions a PIN, protects a segment, and reads and writes it with the right PIN', async () => {
    expect(expectOk(await tag('set-pin', '--position', '5', '--master-index', '0', '--master-pin-file', file('master0.hex'), '--pin-file', file('pin5.hex')))).toMatch(
      /PIN position 5 now holds the new PIN.*confirmed/,
    );
    expect(expectOk(await tag('protect', '--segment', '3', '--edit-pin-file', file('master0.hex'), '--read-pin', '5', '--write-pin', '5'))).toBe(
      'Segment 3: read with PIN 5, write with PIN 5, edit with PIN 252 (master PIN 0).',
    );
    expect(expectOk(await tag('write', '--segment', '3', '--offset', '4', '--hex', '48656c6c6f', '--pin-file', file('pin5.hex')))).toMatch(/Wrote 5 bytes/);
    expect(expectOk(await tag('read', '--segment', '3', '--offset', '4', '--length', '5', '--pin-file', file('pin5.hex')))).toBe('48656c6c6f');
    // A segment without PIN rules is still open to everyone.
    expect(expectOk(await tag('read', '--segment', '2', '--length', '4'))).toBe('00000000');
  });

  it('refuses a wrong PIN, and the failed proof withdraws the earlier one', async () => {
    expectRefusal(
      await tag('read', '--segment', '3', '--length', '5', '--pin-file', file('wrong.hex')),
      /^readerdesk tag: The tag refused to present the read PIN: the read PIN given does not match the PIN the tag holds at index 5\.$/m,
    );
    expectRefusal(await tag('read', '--segment', '3', '--length', '5'), /refused to read segment 3: .*read PIN \(index 5\).*no PIN was given/);
    expectRefusal(await tag('write', '--segment', '3', '--hex', '00', '--pin-file', file('wrong.hex')), /refused to present the write PIN: .*does not match/);
    expectRefusal(
      await tag('protect', '--segment', '3', '--edit-pin-file', file('wrong.hex'), '--read-pin', 'none'),
      /refused to present the edit PIN: .*index 252 \(master PIN 0\)/,
    );
    expect((await info()).units[3]).toMatchObject({ readPin: true, readPinIndex: 5 });
  });

  it('refuses a PIN transfer whose DoS value does not match (wrong master PIN)', async () => {
    expectRefusal(
      await tag('set-pin', '--position', '6', '--master-index', '0', '--master-pin-file', file('wrong-master.hex'), '--pin-file', file('pin7.hex')),
      /refused to commit the encrypted PIN: the DoS value does not match the commit block under master PIN 0/,
    );
    expectRefusal(
      await tag('set-pin', '--position', '6', '--master-index', '2', '--master-pin-file', file('master0.hex'), '--pin-file', file('pin7.hex')),
      /refused to commit the encrypted PIN: the tag holds no master PIN 2/,
    );
  });

  it('refuses a replayed commit: the counter was used, and it cannot be wound back', async () => {
    const before = BigInt((await info()).counter);
    expectOk(await tag('set-pin', '--position', '7', '--master-index', '1', '--master-pin-file', file('master1.hex'), '--pin-file', file('pin7.hex')));
    // What an eavesdropper recorded: PA_REG and COMMIT_REG of that transfer (counter before + 1).
    const { paReg, commit } = planPinTransfer({ position: 7, masterIndex: 1, masterPin: hexBytes(MASTER1), pin: hexBytes(PIN7), counter: before + 1n });
    expectOk(await tag('raw-write', '--addr', `0x${REG.PA.toString(16)}`, '--hex', toHex(paReg)));
    expectRefusal(
      await tag('raw-write', '--addr', `0x${REG.COMMIT.toString(16)}`, '--hex', toHex(commit)),
      /refused to write 16 bytes at 0x00e0: its roll-back counter was already used since it was last advanced \(usage flag set\)/,
    );
    expectRefusal(
      await tag('raw-write', '--addr', `${RBPCTR_ADDR}`, '--hex', toHex(counterBytes(before + 1n))),
      /refused to write 8 bytes at 0x0000: the roll-back counter accepts only its current value plus one/,
    );
  });

  it('refuses a counter-mode write while the usage flag is set, until the counter advances', async () => {
    expect((await info()).usageFlagSet).toBe(true);
    expectRefusal(await tag('raw-write', '--addr', `0x${REG.NAME.toString(16)}`, '--hex', '00'.repeat(16)), /\(usage flag set\)/);
    const c = BigInt((await info()).counter);
    expect(expectOk(await tag('counter'))).toBe(`Roll-back counter advanced from ${c} to ${c + 1n}; the usage flag is clear.`);
    expect((await info()).usageFlagSet).toBe(false);
    expect(expectOk(await tag('name', '--text', 'lobby door'))).toMatch(/named "lobby door" \(written under PIN 0\)/);
    expect(expectOk(await tag('info'))).toMatch(/Name: +"lobby door"/);
  });

  it('refuses to edit a unit once nE is set', async () => {
    expect(expectOk(await tag('protect', '--segment', '4', '--edit-pin-file', file('master0.hex'), '--write', 'deny', '--lock'))).toBe(
      'Segment 4: read open, no writes, locked for good (nE).',
    );
    expectRefusal(
      await tag('protect', '--segment', '4', '--edit-pin-file', file('master0.hex'), '--write', 'allow'),
      /refused to write the management unit of segment 4: the management unit of segment 4 is locked for good \(nE is set\)/,
    );
    expectRefusal(await tag('write', '--segment', '4', '--hex', '01'), /refused to write segment 4: the segment does not allow writes \(WR is clear/);
    expect((await info()).units[4]).toMatchObject({ write: false, noEdit: true });
  });

  it('loses the validated PIN when the tag leaves the field between steps, but keeps its memory', async () => {
    expectOk(await tag('read', '--segment', '3', '--length', '5', '--pin-file', file('pin5.hex')));
    // The proof lasts while the tag stays in the field...
    expect(expectOk(await tag('read', '--segment', '3', '--offset', '4', '--length', '5'))).toBe('48656c6c6f');
    const counter = (await info()).counter;

    const removed = await runCli(['sim', 'tag', '--state', sim.stateDir, '--remove']);
    expect(removed.code, removed.stderr).toBe(0);
    expectRefusal(await tag('read', '--segment', '3', '--length', '5'), /No tag is in the reader's field/);
    expectRefusal(await tag('counter'), /No tag is in the reader's field/);

    expect(expectOk(await runCli(['sim', 'tag', '--state', sim.stateDir, '--place']))).toMatch(/back in the field/);
    expectRefusal(await tag('read', '--segment', '3', '--length', '5'), /read PIN \(index 5\).*no PIN was given/);
    expect((await info()).counter).toBe(counter);
    expect(expectOk(await tag('read', '--segment', '3', '--offset', '4', '--length', '5', '--pin-file', file('pin5.hex')))).toBe('48656c6c6f');
  });

  it('takes PINs only from files and never prints them', async () => {
    const onLine = await tag('read', '--segment', '3', '--pin', PIN5);
    expectRefusal(onLine, /the option --pin is not known\. PIN files hold 32 hex digits; PINs are never taken from the command line/);
    const withValue = await tag('read', '--segment', '3', `--pin=${PIN5}`);
    expectRefusal(withValue, /the option --pin is not known/);
    expectRefusal(await tag('read', '--segment', '3', '--pin-file', file('short.hex')), /holds 30 hex digits, but a PIN is 16 bytes \(32 hex digits\)/);
    expectRefusal(await tag('read', '--segment', '3', '--pin-file', file('missing.hex')), /The PIN file does not exist \(the name given is not repeated here/);
    const all = printed.join('\n').toLowerCase();
    for (const s of SECRETS) expect(all).not.toContain(s);
  });
});

describe('readerdesk crypto xxtea', () => {
  it('matches the published vector both ways', async () => {
    await writeFile(file('xxtea.key'), 'aa'.repeat(16));
    const enc = await runCli(['crypto', 'xxtea', 'encrypt', '--key-file', file('xxtea.key'), '0102040810204080fffefcf8f0e0c080']);
    expect(enc.code, enc.stderr).toBe(0);
    expect(enc.stdout.trim()).toBe('c0a19f06ebb0d63925aa27f74cc6b2d0');
    const dec = await runCli(['crypto', 'xxtea', 'decrypt', '--key-file', file('xxtea.key'), 'C0A19F06EBB0D63925AA27F74CC6B2D0']);
    expect(dec.code, dec.stderr).toBe(0);
    expect(dec.stdout.trim()).toBe('0102040810204080fffefcf8f0e0c080');
  });

  it('fails with one line on a bad key file or block', async () => {
    const noKey = await runCli(['crypto', 'xxtea', 'encrypt', '0102040810204080fffefcf8f0e0c080']);
    expectRefusal(noKey, /needs --key-file <file>/);
    await writeFile(file('bad.key'), 'zz'.repeat(16));
    expectRefusal(await runCli(['crypto', 'xxtea', 'encrypt', '--key-file', file('bad.key'), '00'.repeat(16)]), /contains characters other than hex digits/);
    expectRefusal(await runCli(['crypto', 'xxtea', 'encrypt', '--key-file', file('xxtea.key'), '0102']), /one 16-byte block as 32 hex digits; got 4 characters/);
  });
});

function hexBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g)!.map((b) => parseInt(b, 16)));
}
