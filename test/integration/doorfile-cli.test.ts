// `doorfile build` and `doorfile verify` on real files in a temporary folder.
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDoorfile } from '../../electron/cli/commands/doorfile.ts';
import { tempDir } from '../helpers/processes.ts';

const KEY_HEX = '1234567890ABCDEF'.repeat(4);
let dir: string;
const at = (name: string) => path.join(dir, name);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDoorfile(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err, all: [...out, ...err].join('\n') };
}

beforeEach(async () => {
  dir = tempDir('doorfile-');
  // A key split over lines with spaces, as people paste it.
  await writeFile(at('site.key'), `${KEY_HEX.slice(0, 32)}\n  ${KEY_HEX.slice(32)}  \r\n`);
  await writeFile(
    at('users.csv'),
    '\uFEFFuser_id,format,facility,card,raw_hex,raw_bits\r\n1,raw,,,8F166045,32\r\n2,raw,,,8F166040,32\r\n3,raw,,,7F166040,32\r\n4,raw,,,7F186040,32\r\n5,raw,,,7F126540,32\r\n',
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readerdesk doorfile', () => {
  it('builds the seed example and verifies it as optimized', async () => {
    const b = await run('build', '--in', at('users.csv'), '--site-key-file', at('site.key'), '--out', at('door.json'), '--binary', at('door.bin'));
    expect(b.code).toBe(0);
    expect(b.out[0]).toMatch(/5 user\(s\) in lock order/);
    const json = JSON.parse(await readFile(at('door.json'), 'utf8'));
    expect(json.users.map((u: { usrID: number; primeCred: string }) => [u.usrID, u.primeCred.slice(0, 8)])).toEqual([
      [5, '34110EA5'],
      [3, 'CD388DD0'],
      [4, '3BB99478'],
      [2, '77EB0B84'],
      [1, '33DECE61'],
    ]);
    expect((await stat(at('door.bin'))).size).toBe(5 * 32);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await readFile(at('door.json'), 'utf8')).not.toContain(KEY_HEX);

    const v = await run('verify', '--in', at('door.json'), '--site-key-file', at('site.key'));
    expect(v.code).toBe(0);
    expect(v.out[0]).toMatch(/5 user\(s\); the lock runs it "optimized"/);
  });

  it('reports an unsorted door file as degraded, as JSON too', async () => {
    await run('build', '--in', at('users.csv'), '--site-key-file', at('site.key'), '--out', at('door.json'), '--field-name', 'primeCr');
    const json = JSON.parse(await readFile(at('door.json'), 'utf8'));
    json.users.reverse();
    await writeFile(at('door.json'), JSON.stringify(json));
    const v = await run('verify', '--in', at('door.json'), '--site-key-file', at('site.key'), '--json');
    expect(v.code).toBe(1);
    const report = JSON.parse(v.out[0]!);
    expect(report.mode).toBe('degraded');
    expect(report.degradedBy[0].userIds.slice(0, 2)).toEqual([1, 2]);
  });

  it('writes nothing when there are errors, and needs --accept-warnings for warnings', async () => {
    await writeFile(at('bad.csv'), 'user_id,format,facility,card\n1,h10301,300,1\n');
    const bad = await run('build', '--in', at('bad.csv'), '--site-key-file', at('site.key'), '--out', at('door.json'));
    expect(bad.code).toBe(1);
    expect(bad.err[0]).toBe('error: Line 2, column facility: 300 is out of range for h10301; the allowed range is 0 to 255.');
    await expect(stat(at('door.json'))).rejects.toThrow();

    await writeFile(at('dup.csv'), 'user_id,format,facility,card\n1,h10301,1,1\n2,h10301,1,1\n');
    const refused = await run('build', '--in', at('dup.csv'), '--site-key-file', at('site.key'), '--out', at('door.json'));
    expect(refused.code).toBe(1);
    expect(refused.err.at(-1)).toMatch(/--accept-warnings/);
    await expect(stat(at('door.json'))).rejects.toThrow();
    const accepted = await run('build', '--in', at('dup.csv'), '--site-key-file', at('site.key'), '--out', at('door.json'), '--accept-warnings');
    expect(accepted.code).toBe(0);
    const v = await run('verify', '--in', at('door.json'), '--site-key-file', at('site.key'));
    expect(v.out.join('\n')).toMatch(/"degraded"[\s\S]*Identical credentials/);
  });

  it('rejects a malformed key file without echoing it', async () => {
    await writeFile(at('bad.key'), 'secret-passphrase-not-hex');
    const r = await run('build', '--in', at('users.csv'), '--site-key-file', at('bad.key'), '--out', at('door.json'));
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/must hold exactly 64 hex digits/);
    expect(r.all).not.toContain('secret');
    await writeFile(at('short.key'), KEY_HEX.slice(0, 62));
    await run('build', '--in', at('users.csv'), '--site-key-file', at('site.key'), '--out', at('door.json'));
    const short = await run('verify', '--in', at('door.json'), '--site-key-file', at('short.key'));
    expect(short.code).toBe(2);
    expect(short.err[0]).toMatch(/holds 62 hex digits, but a site key has 64/);
  });

  it('says which option is missing', async () => {
    const r = await run('build', '--in', at('users.csv'));
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/--site-key-file is required/);
  });

  it('reads a CSV with CR-only line endings completely, and refuses a CSV without users', async () => {
    const text = await readFile(at('users.csv'), 'utf8');
    await writeFile(at('cr.csv'), text.replace(/\r\n/g, '\r'));
    const b = await run('build', '--in', at('cr.csv'), '--site-key-file', at('site.key'), '--out', at('cr.json'));
    expect(b.code).toBe(0);
    expect(b.out[0]).toMatch(/5 user\(s\) in lock order/);
    await writeFile(at('empty.csv'), 'user_id,format,facility,card,raw_hex,raw_bits\r\n');
    const e = await run('build', '--in', at('empty.csv'), '--site-key-file', at('site.key'), '--out', at('empty.json'));
    expect(e.code).not.toBe(0);
    expect(e.all).toMatch(/no user rows/);
    expect((await readdir(dir)).includes('empty.json')).toBe(false);
  });
});
