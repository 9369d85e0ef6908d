import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/processes.ts';

// The real CLI with the real node-hid: this machine has serial ports (maybe) and no BALTECH HID reader.
describe('readerdesk and USB HID readers', () => {
  it('ports --json marks every entry with its kind and keeps the serial keys', async () => {
    const r = await runCli(['ports', '--json']);
    expect(r.code).toBe(0);
    const ports = JSON.parse(r.stdout) as Record<string, unknown>[];
    for (const p of ports) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['path', 'manufacturer', 'vendorId', 'productId', 'serialNumber', 'kind']));
      expect(p.kind).toBe(String(p.path).startsWith('hid:') ? 'hid' : 'serial');
      if (p.kind === 'hid') expect(p.vendorId).toBe('13ad');
    }
  });

  it('ports in words ends without an error where no HID reader is attached', async () => {
    const r = await runCli(['ports']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('info on a hid: address with no such reader says so in one sentence', async () => {
    const r = await runCli(['info', '--port', 'hid:99999999']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/hid:99999999 is not available: (no USB HID reader with serial number or path "99999999" is connected|USB HID readers cannot be used on this computer)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
