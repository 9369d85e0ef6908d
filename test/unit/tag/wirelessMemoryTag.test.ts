import { beforeEach, describe, expect, it } from 'vitest';
import { asciiBytes, fromHex, toHex } from '../../../shared/bytes.ts';
import {
  parsePublicInfo,
  planPinTransfer,
  planProtectSegment,
  planReadUnit,
  planUsePin,
  planWriteHostId,
  planWriteName,
} from '../../../shared/tag/hostProtocol.ts';
import {
  CTRL,
  MASTER_PIN_STORE_ADDR,
  PA,
  PIN_AREA_ADDR,
  RBPCTR_ADDR,
  REG,
  masterPinPosition,
  segmentAddress,
  unitAddress,
} from '../../../shared/tag/layout.ts';
import { decodeUnit, type ManagementUnit } from '../../../shared/tag/managementUnit.ts';
import { counterBytes } from '../../../shared/tag/pinCrypto.ts';
import { TagRefusal } from '../../../simulator/tag/tagRefusal.ts';
import { WirelessMemoryTag } from '../../../simulator/tag/wirelessMemoryTag.ts';
import { freshCounter, publicInfo, refusal, run } from './tagHost.ts';

const MASTER0 = fromHex('00112233445566778899aabbccddeeff');
const MASTER1 = fromHex('0f1e2d3c4b5a69788796a5b4c3d2e1f0');
const READ_PIN = fromHex('a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1');
const WRITE_PIN = fromHex('b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2');
const EDIT_PIN = fromHex('c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3');
const SECRETS = [MASTER0, MASTER1, READ_PIN, WRITE_PIN, EDIT_PIN];

const SEG = 3;
const PROTECTED: ManagementUnit = {
  read: true,
  readPin: true,
  write: true,
  writePin: true,
  noEdit: false,
  readPinIndex: 5,
  writePinIndex: 6,
  editPinIndex: 7,
};

function transfer(tag: WirelessMemoryTag, position: number, pin: Uint8Array, masterIndex = 0, masterPin = MASTER0) {
  run(tag, planPinTransfer({ position, masterIndex, masterPin, pin, counter: freshCounter(tag) }).writes);
}

function usePin(tag: WirelessMemoryTag, kind: 'read' | 'write' | 'edit', index: number, pin: Uint8Array) {
  run(tag, planUsePin(kind, index, pin, freshCounter(tag)));
}

function segmentBytes(tag: WirelessMemoryTag, segment: number, length = 8) {
  return toHex(tag.read(segmentAddress(segment), length), false);
}

/** A tag with PINs at 5, 6, 7 and segment 3 protected by them, as the owner would leave it. */
function provisionedTag(): WirelessMemoryTag {
  const tag = new WirelessMemoryTag({ masterPins: [MASTER0, MASTER1] });
  transfer(tag, 5, READ_PIN);
  transfer(tag, 6, WRITE_PIN);
  transfer(tag, 7, EDIT_PIN);
  // A factory unit's edit PIN is master PIN 0, addressed through its PIN position.
  run(tag, planProtectSegment({ segment: SEG, unit: PROTECTED, edit: { index: masterPinPosition(0), pin: MASTER0, counter: freshCounter(tag) } }));
  tag.leaveField();
  tag.enterField();
  return tag;
}

/** Every refusal message must be free of key material. */
function expectRefusal(fn: () => unknown, reason: string): string {
  const r = refusal(fn);
  expect(r.reason).toBe(reason);
  for (const secret of SECRETS) {
    expect(r.message.toLowerCase()).not.toContain(toHex(secret, false));
  }
  return r.message;
}

describe('a fresh tag', () => {
  it('publishes its counter, usage flag and geometry', () => {
    const tag = new WirelessMemoryTag({ masterPins: [MASTER0, MASTER1] });
    expect(publicInfo(tag)).toEqual({
      counter: 0n,
      usageFlagSet: false,
      layoutVersion: 1,
      segmentCount: 16,
      segmentSize: 256,
      masterPinCount: 2,
    });
  });

  it('is readable and writable without PINs, but only the owner may edit its units', () => {
    const tag = new WirelessMemoryTag({ masterPins: [MASTER0] });
    tag.write(segmentAddress(0), fromHex('0102'));
    expect(segmentBytes(tag, 0, 2)).toBe('0102');
    const r = planReadUnit(0);
    expect(decodeUnit(tag.read(r.addr, r.length))).toMatchObject({ read: true, write: true, noEdit: false, editPinIndex: 0xfc });
    expectRefusal(() => tag.write(unitAddress(0), Uint8Array.of(CTRL.RD)), 'pin-required');
  });
});

describe('provisioning and using a PIN-protected segment', () => {
  let tag: WirelessMemoryTag;
  beforeEach(() => {
    tag = provisionedTag();
  });

  it('advancing the counter clears the usage flag that the last PIN write set', () => {
    expect(publicInfo(tag).usageFlagSet).toBe(true);
    const before = publicInfo(tag).counter;
    freshCounter(tag);
    expect(publicInfo(tag)).toMatchObject({ counter: before + 1n, usageFlagSet: false });
  });

  it('stores the protection the owner wrote', () => {
    const r = planReadUnit(SEG);
    expect(decodeUnit(tag.read(r.addr, r.length))).toEqual(PROTECTED);
  });

  it('refuses the segment until the right PIN is presented, then serves it', () => {
    expectRefusal(() => tag.read(segmentAddress(SEG), 4), 'pin-required');
    expectRefusal(() => tag.write(segmentAddress(SEG), fromHex('cafe')), 'pin-required');

    usePin(tag, 'write', 6, WRITE_PIN);
    tag.write(segmentAddress(SEG, 0x10), fromHex('cafebabe'));
    // The write PIN does not open reads.
    expectRefusal(() => tag.read(segmentAddress(SEG, 0x10), 4), 'pin-required');

    usePin(tag, 'read', 5, READ_PIN);
    expect(toHex(tag.read(segmentAddress(SEG, 0x10), 4), false)).toBe('cafebabe');
  });

  it('leaves other segments open', () => {
    tag.write(segmentAddress(SEG + 1), fromHex('01'));
    expect(segmentBytes(tag, SEG + 1, 1)).toBe('01');
  });

  it('lets the segment edit PIN change the unit once it is provisioned', () => {
    usePin(tag, 'edit', 7, EDIT_PIN);
    tag.write(unitAddress(SEG) + 1, Uint8Array.of(9));
    expect(decodeUnit(tag.read(unitAddress(SEG), 4)).readPinIndex).toBe(9);
  });

  it('survives saving and loading, but not the PINs validated before', () => {
    usePin(tag, 'write', 6, WRITE_PIN);
    tag.write(segmentAddress(SEG), fromHex('beef'));
    const copy = WirelessMemoryTag.fromJSON(JSON.parse(JSON.stringify(tag)));
    expectRefusal(() => copy.write(segmentAddress(SEG), fromHex('00')), 'pin-required');
    usePin(copy, 'read', 5, READ_PIN);
    expect(segmentBytes(copy, SEG, 2)).toBe('beef');
    expect(publicInfo(copy).counter).toBe(publicInfo(tag).counter + 1n);
  });

  it('refuses a saved state that has been damaged', () => {
    const json = tag.toJSON();
    expect(() => WirelessMemoryTag.fromJSON({ ...json, counter: '00' })).toThrow(/counter: expected 8 bytes of hex/);
    expect(() => WirelessMemoryTag.fromJSON({ ...json, pins: { '0': toHex(READ_PIN) } })).toThrow(/PIN position/);
  });
});

describe('the tag refuses', () => {
  let tag: WirelessMemoryTag;
  beforeEach(() => {
    tag = provisionedTag();
  });

  it('a wrong PIN, and withdraws the PIN validated before', () => {
    usePin(tag, 'read', 5, READ_PIN);
    expect(segmentBytes(tag, SEG)).toBe('0000000000000000');
    const msg = expectRefusal(() => usePin(tag, 'read', 5, WRITE_PIN), 'wrong-pin');
    expect(msg).toMatch(/read PIN presented for PIN index 5/);
    expectRefusal(() => tag.read(segmentAddress(SEG), 1), 'pin-required');
  });

  it('a PIN proof replayed after the counter moved on', () => {
    const counter = freshCounter(tag);
    const proof = planUsePin('read', 5, READ_PIN, counter);
    run(tag, proof);
    tag.leaveField();
    tag.enterField();
    freshCounter(tag);
    expectRefusal(() => run(tag, proof), 'wrong-pin');
    expectRefusal(() => tag.read(segmentAddress(SEG), 1), 'pin-required');
  });

  it('a PIN register write while the usage flag is set, until the counter advances', () => {
    const counter = freshCounter(tag);
    run(tag, planUsePin('read', 5, READ_PIN, counter));
    const msg = expectRefusal(() => run(tag, planUsePin('write', 6, WRITE_PIN, counter)), 'usage-flag-set');
    expect(msg).toMatch(/WRITE_PIN_REG was not written/);
    expectRefusal(() => tag.write(segmentAddress(SEG), fromHex('01')), 'pin-required');
    usePin(tag, 'write', 6, WRITE_PIN);
    tag.write(segmentAddress(SEG), fromHex('01'));
  });

  it('a replayed commit under the counter it already used', () => {
    const newPin = fromHex('d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4');
    const plan = planPinTransfer({ position: 8, masterIndex: 0, masterPin: MASTER0, pin: newPin, counter: freshCounter(tag) });
    run(tag, plan.writes);
    expectRefusal(() => run(tag, plan.writes), 'usage-flag-set');
  });

  it('a counter value other than current + 1', () => {
    const { counter } = publicInfo(tag);
    expectRefusal(() => tag.write(RBPCTR_ADDR, counterBytes(counter)), 'counter-not-next');
    expectRefusal(() => tag.write(RBPCTR_ADDR, counterBytes(counter + 2n)), 'counter-not-next');
    expect(publicInfo(tag)).toMatchObject({ counter, usageFlagSet: true });
  });

  it('a PIN transfer whose DoS value does not match, and keeps the old PIN', () => {
    const plan = planPinTransfer({ position: 5, masterIndex: 0, masterPin: MASTER0, pin: EDIT_PIN, counter: freshCounter(tag) });
    const pa = plan.paReg.slice();
    pa[PA.dos] = pa[PA.dos]! ^ 1;
    tag.write(REG.PA, pa);
    expectRefusal(() => tag.write(REG.COMMIT, plan.commit), 'dos-mismatch');
    usePin(tag, 'read', 5, READ_PIN);
    expect(segmentBytes(tag, SEG, 1)).toBe('00');
  });

  it('a PIN transfer from someone who does not hold the named master PIN', () => {
    const plan = planPinTransfer({ position: 5, masterIndex: 1, masterPin: MASTER0, pin: EDIT_PIN, counter: freshCounter(tag) });
    expectRefusal(() => run(tag, plan.writes), 'dos-mismatch');
  });

  it('a PIN transfer to the zero PIN or a master PIN position', () => {
    expect(() => planPinTransfer({ position: 0, masterIndex: 0, masterPin: MASTER0, pin: EDIT_PIN, counter: 1n })).toThrow(/position 0/);
    const plan = planPinTransfer({ position: 5, masterIndex: 0, masterPin: MASTER0, pin: EDIT_PIN, counter: freshCounter(tag) });
    for (const position of [0, masterPinPosition(1)]) {
      const pa = plan.paReg.slice();
      pa[PA.transferPosition] = position;
      tag.write(REG.PA, pa);
      expectRefusal(() => tag.write(REG.COMMIT, plan.commit), 'bad-address');
      freshCounter(tag);
    }
  });

  it('an edit of a unit whose nE bit is set, even with the edit PIN', () => {
    usePin(tag, 'edit', 7, EDIT_PIN);
    tag.write(unitAddress(SEG), Uint8Array.of(CTRL.RD | CTRL.NE));
    const msg = expectRefusal(() => tag.write(unitAddress(SEG), Uint8Array.of(CTRL.RD | CTRL.WR)), 'edit-locked');
    expect(msg).toMatch(/nE is set/);
    expectRefusal(() => tag.write(segmentAddress(SEG), fromHex('01')), 'segment-not-writable');
  });

  it('an edit that runs past one management unit, changing neither unit', () => {
    usePin(tag, 'edit', 7, EDIT_PIN);
    const before = toHex(tag.read(unitAddress(SEG), 8));
    expectRefusal(() => tag.write(unitAddress(SEG) + 2, fromHex('0102030405')), 'crosses-unit');
    expect(toHex(tag.read(unitAddress(SEG), 8))).toBe(before);
  });

  it('an edit with another segment`s edit PIN', () => {
    usePin(tag, 'edit', 7, EDIT_PIN);
    expectRefusal(() => tag.write(unitAddress(SEG + 1), Uint8Array.of(0)), 'pin-required');
  });

  it('everything while the tag is away, and forgets validated PINs when it comes back', () => {
    usePin(tag, 'read', 5, READ_PIN);
    tag.leaveField();
    expectRefusal(() => tag.read(segmentAddress(SEG), 1), 'no-tag');
    expectRefusal(() => tag.write(segmentAddress(SEG + 1), fromHex('01')), 'no-tag');
    tag.enterField();
    expectRefusal(() => tag.read(segmentAddress(SEG), 1), 'pin-required');
  });

  it('a PIN proof whose PA_REG selection was lost when the tag left the field in between', () => {
    const [selectPin, presentPin] = planUsePin('read', 5, READ_PIN, freshCounter(tag));
    tag.write(selectPin!.addr, selectPin!.data);
    tag.leaveField();
    tag.enterField();
    expect(toHex(tag.read(REG.PA, 16))).toBe('00'.repeat(16));
    expectRefusal(() => tag.write(presentPin!.addr, presentPin!.data), 'wrong-pin');
  });

  it('a segment write that reaches into a protected segment, leaving the open one untouched', () => {
    expectRefusal(() => tag.write(segmentAddress(SEG - 1, 0xfe), fromHex('11223344')), 'pin-required');
    expect(toHex(tag.read(segmentAddress(SEG - 1, 0xfe), 2))).toBe('0000');
  });

  it('reads of a segment whose RD bit is clear', () => {
    usePin(tag, 'edit', 7, EDIT_PIN);
    tag.write(unitAddress(SEG), Uint8Array.of(CTRL.WR));
    expectRefusal(() => tag.read(segmentAddress(SEG), 1), 'segment-not-readable');
  });

  it('to reveal PINs, master PINs or write-only registers', () => {
    expectRefusal(() => tag.read(PIN_AREA_ADDR + 5 * 16, 16), 'not-readable');
    expectRefusal(() => tag.read(MASTER_PIN_STORE_ADDR, 16), 'not-readable');
    expectRefusal(() => tag.read(REG.COMMIT, 16), 'not-readable');
    expectRefusal(() => tag.read(REG.READ_PIN, 16), 'not-readable');
    // A read that only touches the PIN area at its end is refused whole.
    expectRefusal(() => tag.read(PIN_AREA_ADDR - 4, 8), 'not-readable');
  });

  it('direct writes to the PIN area, partial register writes and addresses off the map', () => {
    expectRefusal(() => tag.write(PIN_AREA_ADDR + 16, new Uint8Array(16)), 'bad-address');
    expectRefusal(() => tag.write(REG.PA, new Uint8Array(4)), 'bad-address');
    expectRefusal(() => tag.read(0x2200, 1), 'bad-address');
    expectRefusal(() => tag.read(0x60, 1), 'bad-address');
    expectRefusal(() => tag.write(0x08, Uint8Array.of(0)), 'bad-address');
  });

  it('with typed errors that say what was refused', () => {
    try {
      tag.read(segmentAddress(SEG), 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TagRefusal);
      expect((e as TagRefusal).message).toMatch(/^Segment 3 is read only after its read PIN \(index 5\)/);
    }
  });
});

describe('NAME_REG and ID_REG', () => {
  it('takes a name through the zero PIN from a host that knows no PINs', () => {
    const tag = new WirelessMemoryTag({ masterPins: [] });
    run(tag, planWriteName(asciiBytes('front door'), freshCounter(tag)));
    expect(new TextDecoder().decode(tag.read(REG.NAME, 10))).toBe('front door');
  });

  it('takes a name under a provisioned PIN, and the name write uses the counter', () => {
    const tag = provisionedTag();
    const counter = freshCounter(tag);
    run(tag, planWriteName(asciiBytes('vault'), counter, { index: 5, pin: READ_PIN }));
    expect(new TextDecoder().decode(tag.read(REG.NAME, 5))).toBe('vault');
    expectRefusal(() => run(tag, planWriteName(asciiBytes('x'), counter)), 'usage-flag-set');
  });

  it('keeps the host identity in clear only while the tag stays in the field', () => {
    const tag = new WirelessMemoryTag({ masterPins: [] });
    run(tag, planWriteHostId(asciiBytes('desk-7')));
    expect(toHex(tag.read(REG.ID, 6))).toBe(toHex(asciiBytes('desk-7')));
    tag.leaveField();
    tag.enterField();
    expect(toHex(tag.read(REG.ID, 16))).toBe('00'.repeat(16));
  });
});

describe('known gap of the seed`s DoS formula (see docs/wireless-memory.md)', () => {
  it('a transfer replayed after a counter update is accepted, but cannot install the PIN an eavesdropper saw', () => {
    const tag = provisionedTag();
    const plan = planPinTransfer({ position: 9, masterIndex: 0, masterPin: MASTER0, pin: EDIT_PIN, counter: freshCounter(tag) });
    run(tag, plan.writes);
    freshCounter(tag);
    run(tag, plan.writes);
    expectRefusal(() => usePin(tag, 'edit', 9, EDIT_PIN), 'wrong-pin');
  });
});

describe('parsePublicInfo', () => {
  it('refuses a block from another layout version', () => {
    const info = new Uint8Array(16);
    info[9] = 2;
    expect(() => parsePublicInfo(info)).toThrow(/layout 2; ReaderDesk knows only layout 1/);
  });
});
