// The worked example of the seed document (ENGAGE Credential Sort and Encryption, sections 7-9).
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../../../shared/bytes.ts';
import { buildDoorFile } from '../../../shared/doorfile/build.ts';
import { makeCredential } from '../../../shared/doorfile/credential.ts';
import { renderDoorJson } from '../../../shared/doorfile/doorJson.ts';
import type { UserRecord } from '../../../shared/doorfile/userRecord.ts';
import { userWith } from '../../helpers/doorUsers.ts';
import { nodeAesFactory } from '../../../node/crypto/nodeAes.ts';

const SITE_KEY = fromHex('1234567890ABCDEF'.repeat(4));
// Ref IDs 1..5 with their 32-bit credentials, in the seed's unsorted order.
const UNSORTED: [number, string][] = [
  [1, '8F166045'],
  [2, '8F166040'],
  [3, '7F166040'],
  [4, '7F186040'],
  [5, '7F126540'],
];
const EXPECTED: [number, string][] = [
  [5, '34110EA549AA549AA73FF06DC93B63B4'],
  [3, 'CD388DD0ACA971749203D0159264C379'],
  [4, '3BB994785B06A24018140A6013CE7477'],
  [2, '77EB0B847C3808F5A8F82844622BF531'],
  [1, '33DECE6176AF0095F8A0EEE404D61F24'],
];

function users(): UserRecord[] {
  return UNSORTED.map(([id, hex]) => userWith(id + 1, id, makeCredential('card', BigInt('0x' + hex), 32)));
}

describe('seed example: five credentials, site key 1234567890ABCDEF x4', () => {
  it('pads each 32-bit credential with 0xFF to 16 bytes', () => {
    expect(toHex(users()[4]!.primary.block)).toBe('7F126540FFFFFFFFFFFFFFFFFFFFFFFF');
  });

  for (const [name, factory] of [['shared AES (@noble/ciphers)', undefined], ['node:crypto AES', nodeAesFactory]] as const) {
    it(`sorts to 5,3,4,2,1 and reproduces every ciphertext (${name})`, () => {
      const built = buildDoorFile(users(), SITE_KEY, factory);
      expect(built.records.map((r) => [r.user.userId, toHex(r.primeCred)])).toEqual(EXPECTED);
    });
  }

  it('writes user 5 exactly as section 9 shows it', () => {
    const json = JSON.parse(renderDoorJson(buildDoorFile(users(), SITE_KEY)));
    expect(json.users[0]).toMatchObject({
      usrID: 5,
      primeCred: '34110EA549AA549AA73FF06DC93B63B4',
      prCrTyp: 'card',
      scndCr: 'null',
      scndCrTyp: 'null',
    });
  });
});
