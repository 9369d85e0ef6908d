import { describe, expect, it } from 'vitest';
import { mayWrite, planDoorFile } from '../../../shared/doorfile/plan.ts';

const KEY = new Uint8Array(32).fill(7);
const plan = (rows: string[], maxUsers?: number, siteKey: Uint8Array = KEY) =>
  planDoorFile(['user_id,format,facility,card,raw_hex,raw_bits,pin,secondary_format,secondary_pin', ...rows].join('\n'), { siteKey, maxUsers });
const codes = (p: ReturnType<typeof plan>) => p.issues.map((i) => `${i.severity}:${i.code}:${i.line ?? '-'}`);

describe('door-file rules', () => {
  it('passes a clean file and allows writing it', () => {
    const p = plan(['1,h10301,1,1,,,,,', '2,h10301,1,2,,,,,']);
    expect(p.issues).toEqual([]);
    expect(mayWrite(p, false)).toBe(true);
  });

  it('refuses an all-0xFF credential as an error', () => {
    const p = plan(['1,raw,,,FFFF,16,,,']);
    expect(codes(p)).toEqual(['error:all-ff:2']);
    expect(mayWrite(p, true)).toBe(false);
  });

  it('refuses the same primary credential with and without a secondary', () => {
    const p = plan(['1,h10301,1,1,,,,pin,1234', '2,h10301,1,1,,,,,']);
    expect(codes(p)).toEqual(['error:mixed-secondary:3']);
    expect(p.issues[0]!.message).toMatch(/lines 3 and 2 share a primary credential/);
  });

  it('allows one primary credential with different secondaries', () => {
    expect(plan(['1,h10301,1,1,,,,pin,1234', '2,h10301,1,1,,,,pin,5678']).issues).toEqual([]);
  });

  it('warns about exact duplicates; writing needs explicit acceptance', () => {
    const p = plan(['1,h10301,1,1,,,,,', '2,raw,,,2020002,26,,,', '3,h10301,1,1,,,,,']);
    // H10301 FC 1 CN 1 is 0x2020002 as a raw 26-bit frame: the same credential three times.
    expect(codes(p)).toEqual(['warning:duplicate:3', 'warning:duplicate:4']);
    expect(p.issues[0]!.message).toMatch(/repeat those of line 2/);
    expect(mayWrite(p, false)).toBe(false);
    expect(mayWrite(p, true)).toBe(true);
  });

  it('refuses more users than the lock holds, default 5,000 and configurable', () => {
    expect(codes(plan(['1,h10301,1,1,,,,,', '2,h10301,1,2,,,,,', '3,h10301,1,3,,,,,'], 2))).toEqual(['error:capacity:-']);
    const many = Array.from({ length: 5001 }, (_, i) => `${i + 1},h10304,1,${i},,,,,`);
    expect(plan(many).issues[0]!.message).toMatch(/5001 users but the lock holds 5000/);
    expect(plan(many, 6000).issues).toEqual([]);
  });

  it('refuses a site key that is not 32 bytes without showing it', () => {
    const p = plan(['1,h10301,1,1,,,,,'], undefined, new Uint8Array(16).fill(0xab));
    expect(codes(p)).toEqual(['error:site-key:-']);
    expect(p.issues[0]!.message).toMatch(/has 16 bytes/);
    expect(p.issues[0]!.message).not.toMatch(/ab/i);
  });
});

describe('many users sharing one card', () => {
  const USERS = 40_000;
  // One card (H10301 FC 1 CN 1) for everybody, each with a PIN of their own: allowed.
  const rows = Array.from({ length: USERS }, (_, i) => `${i + 1},h10301,1,1,,,,pin,${String(i).padStart(5, '0')}`);

  it('accepts 40,000 users with one card and different PINs', () => {
    const p = plan(rows, USERS);
    expect(p.issues).toEqual([]);
    expect(p.table.count).toBe(USERS);
    expect(mayWrite(p, false)).toBe(true);
  });

  it('names every repeat of the same card and PIN, each pointing at the first line', () => {
    const p = plan([...rows, ...rows.slice(0, 3).map((r) => r.replace(/^\d+/, '9'))], USERS + 3);
    expect(codes(p)).toEqual(['warning:duplicate:40002', 'warning:duplicate:40003', 'warning:duplicate:40004']);
    expect(p.issues.map((i) => i.message.match(/line (\d+)/)![1])).toEqual(['2', '3', '4']);
  });

  it('names both kinds of line when some of them lack the secondary credential', () => {
    const p = plan([...rows.slice(0, 3), '9,h10301,1,1,,,,,'], 10);
    expect(codes(p)).toEqual(['error:mixed-secondary:5']);
    expect(p.issues[0]!.message).toMatch(/^Line 5: lines 5, 2, 3 and 4 share a primary credential/);
  });
});
