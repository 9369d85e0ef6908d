// Key material never reaches the terminal (and so never a log or CI output) unless the user asks.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromHex } from '../../shared/bytes.ts';
import { createBalcfg, linkCustomerKey, recordFinalization, setValue } from '../../shared/config/model.ts';
import { saveBalcfg } from '../../electron/host/files/balcfgStore.ts';
import { runCli, tempDir } from '../helpers/processes.ts';

const SITE_KEY = 'C0DE5173'.repeat(8);
const PIN = 'A1B2C3D4E5F60718293A4B5C6D7E8F90';
let dir: string;
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = tempDir('rd-secrets-');
  await writeFile(at('site.key'), SITE_KEY);
  await writeFile(at('users.csv'), 'user_id,format,facility,card,raw_hex,raw_bits\n1,raw,,,8F166045,32\n');
});

describe('secrets stay secret', () => {
  it('config show --json hides the Config Security Code and secret values unless --reveal', async () => {
    const file = at('site.balcfg');
    expect((await runCli(['config', 'new', file, '--name', 'S', '--customer', '1', '--project', '2', '--device', '0'])).code).toBe(0);
    expect((await runCli(['config', 'set', file, '0601/81', '00112233445566778899AABBCCDDEEFF'])).code).toBe(0);
    const masked = JSON.parse((await runCli(['config', 'show', file, '--json'])).stdout);
    expect(masked.securityCode).toBe('hidden');
    expect(masked.values.find((v: { id: string }) => v.id === '0601/81')).toEqual({ id: '0601/81', hex: null, secret: true });
    const shownText = JSON.stringify(masked);
    expect(shownText).not.toContain('00112233445566778899AABBCCDDEEFF');
    const revealed = JSON.parse((await runCli(['config', 'show', file, '--json', '--reveal'])).stdout);
    expect(revealed.securityCode).toMatch(/^[0-9A-F]{16}$/i);
    expect(revealed.values.find((v: { id: string }) => v.id === '0601/81').hex).toBe('00112233445566778899AABBCCDDEEFF');
    expect(shownText).not.toContain(revealed.securityCode);
  });

  it('config show --json lists finalized versions without the values they hold', async () => {
    const file = at('finalized.balcfg');
    let cfg = setValue(createBalcfg({ name: 'F', customer: 1, project: 2, device: 0 }), '0601/81', fromHex('00112233445566778899AABBCCDDEEFF'));
    cfg = linkCustomerKey(cfg, { signature: 'A1B2C3D4', kind: 'custom', readerLabel: 'Desk', linkedAt: '2025-03-01T10:00:00Z' });
    cfg = recordFinalization(cfg, { finalizedAt: '2025-03-01T10:00:05Z', bec2File: 'f-v01.bec2', sha256: 'ab'.repeat(32), readerLabel: 'Desk' });
    await saveBalcfg(file, cfg);
    const r = await runCli(['config', 'show', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).history).toEqual([
      { version: 1, finalizedAt: '2025-03-01T10:00:05Z', bec2File: 'f-v01.bec2', sha256: 'ab'.repeat(32), readerLabel: 'Desk', configId: '00001-0002-0000-01 F' },
    ]);
    expect(r.stdout).not.toContain('00112233445566778899AABBCCDDEEFF');
    expect(r.stdout).not.toContain(cfg.configSecurityCode);
  });

  it('a key typed where its file name belongs is not echoed', async () => {
    const r = await runCli(['doorfile', 'build', '--in', at('users.csv'), '--site-key-file', SITE_KEY, '--out', at('door.json')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/site key file does not exist/);
    expect(r.stdout + r.stderr).not.toMatch(/C0DE5173/i);
    const pin = await runCli(['crypto', 'xxtea', 'encrypt', '--key-file', PIN, '00'.repeat(16)]);
    expect(pin.code).not.toBe(0);
    expect(pin.stdout + pin.stderr).not.toMatch(/A1B2C3D4/i);
  });

  it('doorfile verify with swapped arguments does not print the key through a JSON error', async () => {
    expect((await runCli(['doorfile', 'build', '--in', at('users.csv'), '--site-key-file', at('site.key'), '--out', at('door.json')])).code).toBe(0);
    const r = await runCli(['doorfile', 'verify', '--in', at('site.key'), '--site-key-file', at('door.json')]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.stdout + r.stderr).not.toMatch(/C0DE5173/i);
  });
});

describe('a key file given as the users CSV', () => {
  it('doorfile build --in <key file> does not print the key in its column warnings', async () => {
    const r = await runCli(['doorfile', 'build', '--in', at('site.key'), '--site-key-file', at('site.key'), '--out', at('from-key.json')]);
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/column number 1/);
    expect(r.stdout + r.stderr).not.toMatch(/C0DE5173/i);
  });
});
