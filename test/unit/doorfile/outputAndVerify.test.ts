import { describe, expect, it } from 'vitest';
import { fromHex, readU16be, toHex } from '../../../shared/bytes.ts';
import { encodeRecords, RECORD_BYTES } from '../../../shared/doorfile/binaryRecords.ts';
import { buildDoorFile } from '../../../shared/doorfile/build.ts';
import { parseDoorJson, renderDoorJson } from '../../../shared/doorfile/doorJson.ts';
import { planDoorFile } from '../../../shared/doorfile/plan.ts';
import { verifyDoorFile } from '../../../shared/doorfile/verify.ts';

const KEY = fromHex('1234567890ABCDEF'.repeat(4));
const CSV = [
  'user_id,format,facility,card,pin,secondary_format,secondary_pin,active,attribute,activation,expiration,schedule',
  '1,h10301,30,11456,,pin,1357,1,0,2024-01-01,2024-12-31,2',
  '700000,h10301,20,5,,,,0,5,,,',
  '3,pin,,,9876,,,,,,,',
].join('\n');

function build(csv = CSV) {
  const plan = planDoorFile(csv, { siteKey: KEY });
  expect(plan.issues).toEqual([]);
  return buildDoorFile(plan.users, KEY);
}

describe('door-file JSON', () => {
  it('lists users in lock order with the seed field names and "null" for no secondary', () => {
    const json = JSON.parse(renderDoorJson(build()));
    expect(json.users.map((u: { usrID: number }) => u.usrID)).toEqual([700000, 1, 3]);
    expect(json.users[0]).toEqual({
      usrID: 700000,
      primeCred: json.users[0].primeCred,
      prCrTyp: 'card',
      scndCr: 'null',
      scndCrTyp: 'null',
      active: 0,
      attribute: 5,
      actDtTm: '20000101000000',
      expDtTm: '21790606235959',
      crSch: [],
    });
    expect(json.users[1]).toMatchObject({ scndCrTyp: 'pin', actDtTm: '20240101000000', expDtTm: '20241231235959', crSch: [2] });
    expect(json.users[1].primeCred).toBe('77EB0B847C3808F5A8F82844622BF531');
    expect(json.users[1].scndCr).toMatch(/^[0-9A-F]{32}$/);
  });

  it('can spell the primary credential primeCr', () => {
    const json = JSON.parse(renderDoorJson(build(), { primaryField: 'primeCr' }));
    expect(json.users[0].primeCr).toMatch(/^[0-9A-F]{32}$/);
    expect(json.users[0].primeCred).toBeUndefined();
  });
});

describe('32-byte binary records', () => {
  it('packs credentials, flags, day numbers, schedule and the 20-bit user reference', () => {
    const built = build();
    const bin = encodeRecords(built.records.map((r) => r.user));
    expect(bin.length).toBe(3 * RECORD_BYTES);
    const r = bin.subarray(RECORD_BYTES, 2 * RECORD_BYTES); // user 1, second in lock order
    expect(toHex(r.subarray(0, 8))).toBe('8F166040FFFFFFFF');
    expect(toHex(r.subarray(8, 16))).toBe('1357FFFFFFFFFFFF');
    expect([...r.subarray(16, 20)]).toEqual([1, 1, 2, 0]);
    expect(readU16be(r, 20)).toBe(8766); // 2024-01-01 is 8766 days after 2000-01-01
    expect(readU16be(r, 22)).toBe(9131); // 2024-12-31
    expect(readU16be(r, 24)).toBe(2);
    expect(toHex(r.subarray(26, 32))).toBe('000010000000');
    const first = bin.subarray(0, RECORD_BYTES); // user 700000 = 0xAAE60
    expect(toHex(first.subarray(8, 16))).toBe('FFFFFFFFFFFFFFFF');
    expect([first[16], first[18], first[19]]).toEqual([0, 0, 5]);
    expect(toHex(first.subarray(26, 32))).toBe('AAE600000000');
  });
});

describe('verify', () => {
  const entries = () => parseDoorJson(renderDoorJson(build()));

  it('finds a freshly built file optimized and clean', () => {
    const report = verifyDoorFile(entries(), KEY);
    expect(report).toMatchObject({ userCount: 3, mode: 'optimized', degradedBy: [], problems: [] });
  });

  it('calls an unsorted file degraded and names the records and user ids', () => {
    const e = entries();
    [e[0], e[1]] = [e[1]!, e[0]!];
    e.forEach((x, i) => (x.position = i + 1));
    const report = verifyDoorFile(e, KEY);
    expect(report.mode).toBe('degraded');
    expect(report.degradedBy[0]).toMatchObject({ code: 'unsorted', positions: [1, 2], userIds: [1, 700000] });
    expect(report.degradedBy[0]!.message).toMatch(/record 1 \(user 1\) sorts after record 2 \(user 700000\)/);
  });

  it('calls a file with a duplicate degraded', () => {
    const e = entries();
    e.splice(1, 0, { ...e[0]!, userId: 99 });
    e.forEach((x, i) => (x.position = i + 1));
    const report = verifyDoorFile(e, KEY);
    expect(report.mode).toBe('degraded');
    expect(report.degradedBy[0]).toMatchObject({ code: 'duplicate', userIds: [700000, 99] });
  });

  it('notices a tampered ciphertext and a wrong site key', () => {
    const e = entries();
    e[2]!.primeCred = '00' + e[2]!.primeCred.slice(2);
    expect(verifyDoorFile(e, KEY).problems[0]).toMatchObject({ code: 'bad-record', positions: [3], userIds: [3] });
    const other = verifyDoorFile(entries(), new Uint8Array(32));
    expect(other.mode).toBe('unknown');
    expect(other.problems[0]!.code).toBe('wrong-key');
  });

  it('reports a primary credential used with and without a secondary', () => {
    const csv = CSV + '\n4,h10301,30,11456,,,,,,,,';
    const plan = planDoorFile(csv, { siteKey: KEY });
    const report = verifyDoorFile(parseDoorJson(renderDoorJson(buildDoorFile(plan.users, KEY))), KEY);
    expect(report.problems.map((p) => p.code)).toEqual(['mixed-secondary']);
    expect(report.mode).toBe('optimized');
  });

  it("reads Allegion's db.usrRcrd.add wrapper with primeCr and string values", () => {
    const doc = { db: { usrRcrd: { deleteAll: 1, delete: [], update: [], add: [{ usrID: '5', primeCr: '34110EA549AA549AA73FF06DC93B63B4', prCrTyp: 'card' }] } } };
    const report = verifyDoorFile(parseDoorJson(JSON.stringify(doc)), KEY);
    expect(report).toMatchObject({ userCount: 1, mode: 'optimized', problems: [] });
  });
});
