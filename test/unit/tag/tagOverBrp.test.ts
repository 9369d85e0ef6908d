// The host tag operations over BRP against the in-memory virtual reader: status mapping, reboot
// and field behaviour, and persistence of the tag in the reader state.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ARGetMessage } from '../../../shared/brp/commands/ar.ts';
import { VHLRead, VHLSelect, VHL_STATUS, refusalStatus, type WirelessMemoryRefusal } from '../../../shared/brp/commands/vhl.ts';
import { describeStatus } from '../../../shared/brp/status.ts';
import { ReaderStatusError } from '../../../shared/brp/errors.ts';
import { fromHex } from '../../../shared/bytes.ts';
import { BrpSession } from '../../../electron/host/brp/session.ts';
import { MemoryTransport } from '../../../electron/host/transport/memoryTransport.ts';
import { TagOperationError } from '../../../electron/host/tags/tagErrors.ts';
import {
  TagLink,
  protectSegment,
  readPublicInfo,
  readSegment,
  setPin,
  withTag,
  writeSegment,
} from '../../../electron/host/tags/tagOperations.ts';
import { attachMemoryReader } from '../../../simulator/memoryReader.ts';
import { tagSlotOf, type TagSlot } from '../../../simulator/tag/tagPlugin.ts';
import type { VirtualReader } from '../../../simulator/firmware/virtualReader.ts';
import { tempDir } from '../../helpers/processes.ts';

const MASTER0 = fromHex('00112233445566778899aabbccddeeff');
const PIN = fromHex('a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1');
const WRONG = fromHex('c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3');

let dir: string;
let reader: VirtualReader;
let slot: TagSlot;
let session: BrpSession;

async function failure(p: Promise<unknown>): Promise<TagOperationError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TagOperationError);
  return err as TagOperationError;
}

/** A tag with PIN 5 protecting reads and writes of segment 3. */
async function provisioned(): Promise<TagLink> {
  slot.placeNew([MASTER0]);
  const link = await TagLink.select(session);
  await setPin(link, { position: 5, masterIndex: 0, masterPin: MASTER0, pin: PIN });
  await protectSegment(link, { segment: 3, change: { readPin: true, readPinIndex: 5, writePin: true, writePinIndex: 5 }, editPin: MASTER0 });
  await writeSegment(link, { segment: 3, data: fromHex('cafe'), pin: PIN });
  return link;
}

beforeEach(async () => {
  dir = tempDir('rd-tagbrp-');
  const [host, end] = MemoryTransport.pair();
  reader = await attachMemoryReader(end, dir);
  slot = tagSlotOf(reader)!;
  await host.open();
  session = new BrpSession(host);
});

afterEach(async () => {
  await session.close();
  rmSync(dir, { recursive: true, force: true });
});

const REFUSALS: WirelessMemoryRefusal[] = [
  'usage-flag-set',
  'dos-mismatch',
  'wrong-pin',
  'pin-required',
  'segment-not-readable',
  'segment-not-writable',
  'edit-locked',
  'crosses-unit',
  'counter-not-next',
  'not-readable',
  'no-tag',
  'bad-address',
];

describe('wireless-memory status codes', () => {
  it('answers every refusal with a VHL status the SDK defines (0x01..0x0D), as a real reader would', () => {
    for (const reason of REFUSALS) {
      for (const access of ['read', 'write'] as const) {
        const code = refusalStatus(reason, access);
        expect(code, reason).toBeGreaterThanOrEqual(0x01);
        expect(code, reason).toBeLessThanOrEqual(0x0d);
        expect(describeStatus(VHLRead.code, code).name).toMatch(/^VHL\.Err\w+$/);
      }
    }
    expect(refusalStatus('no-tag', 'read')).toBe(VHL_STATUS.ErrNoTag);
    expect(refusalStatus('wrong-pin', 'write')).toBe(VHL_STATUS.ErrAuth);
    expect(refusalStatus('segment-not-readable', 'read')).toBe(VHL_STATUS.ErrRead);
    expect(refusalStatus('usage-flag-set', 'write')).toBe(VHL_STATUS.ErrWrite);
  });
});

describe('tag operations over BRP', () => {
  it('reports an empty field, and a tag that was not selected', async () => {
    expect((await failure(TagLink.select(session))).reason).toBe('no-tag');
    slot.placeNew([]);
    const err = await session.execute(VHLRead, { id: 0xff, adr: 0, len: 16 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReaderStatusError);
    expect((err as ReaderStatusError).statusName).toBe('VHL.ErrCardNotSelected');
  });

  it('reads and writes a protected segment only with its PIN', async () => {
    const link = await provisioned();
    expect(await readSegment(link, { segment: 3, length: 2, pin: PIN })).toEqual(fromHex('cafe'));
    const wrong = await failure(readSegment(link, { segment: 3, length: 2, pin: WRONG }));
    expect(wrong.reason).toBe('wrong-pin');
    expect(wrong.message).toBe('The tag refused to present the read PIN: the read PIN given does not match the PIN the tag holds at index 5.');
  });

  it('forgets validated PINs when the reader reboots and when the tag leaves the field', async () => {
    let link = await provisioned();
    await readSegment(link, { segment: 3, length: 2, pin: PIN });
    expect(await readSegment(link, { segment: 3, length: 2 })).toEqual(fromHex('cafe'));

    reader.rebooted();
    link = await TagLink.select(session);
    expect((await failure(readSegment(link, { segment: 3, length: 2 }))).reason).toBe('pin-required');

    await readSegment(link, { segment: 3, length: 2, pin: PIN });
    slot.remove();
    expect((await failure(readSegment(link, { segment: 3, length: 2 }))).reason).toBe('no-tag');
    slot.placeAgain();
    // Back in the field the tag must be selected again, and the proof is gone.
    expect((await failure(readSegment(link, { segment: 3, length: 2 }))).reason).toBe('not-selected');
    link = await TagLink.select(session);
    expect((await failure(readSegment(link, { segment: 3, length: 2 }))).reason).toBe('pin-required');
  });

  it('keeps the tag memory and counter in the reader state, and a removed tag stays removed', async () => {
    const link = await provisioned();
    const { counter } = await readPublicInfo(link);
    slot.remove();
    const saved = JSON.parse(readFileSync(path.join(dir, 'reader.json'), 'utf8'));
    expect(saved.tag).toMatchObject({ format: 'readerdesk/sim-tag-slot', inField: false });

    const [host2, end2] = MemoryTransport.pair();
    const reader2 = await attachMemoryReader(end2, dir);
    await host2.open();
    const session2 = new BrpSession(host2);
    try {
      expect((await failure(TagLink.select(session2))).reason).toBe('no-tag');
      tagSlotOf(reader2)!.placeAgain();
      const link2 = await TagLink.select(session2);
      expect((await readPublicInfo(link2)).counter).toBe(counter);
      expect(await readSegment(link2, { segment: 3, length: 2, pin: PIN })).toEqual(fromHex('cafe'));
    } finally {
      await session2.close();
    }
  });

  it('refuses transfers under a missing or wrong master PIN without naming a PIN', async () => {
    slot.placeNew([MASTER0]);
    const link = await TagLink.select(session);
    // A second master PIN slot the host believes in but the tag lacks: the transfer is refused outright.
    const noMaster = await failure(setPin(link, { position: 6, masterIndex: 1, masterPin: MASTER0, pin: PIN }));
    expect(noMaster.message).toMatch(/the tag holds no master PIN 1\.$/);
    const dos = await failure(setPin(link, { position: 6, masterIndex: 0, masterPin: WRONG, pin: PIN }));
    expect(dos.reason).toBe('dos-mismatch');
    expect(dos.message).not.toMatch(/c3c3|a1a1|0011223344/i);
  });
});

describe('the VHL file and Autoread', () => {
  it('reads through the VHL file the configuration names, and says so when the configuration has none', async () => {
    slot.placeNew([]);
    const link = await TagLink.select(session);
    expect(link.fileId).toBe(0x01);
    // A deployed configuration replaces the factory settings: without a VHL file the reader refuses.
    reader.state.config = {};
    const noFile = await failure(TagLink.select(session));
    expect(noFile.reason).toBe('no-vhl-file');
    expect(noFile.message).toMatch(/configuration has no VHL file named "WirelessMemory"/);
    // The fixed id ReaderDesk used before (0xFF, a VHL.Setup file) is not configured either.
    const err = await session.execute(VHLRead, { id: 0xff, adr: 0, len: 16 }).catch((e: unknown) => e);
    expect((err as ReaderStatusError).statusName).toBe('VHL.ErrConfig');
  });

  it('finds no tag for a filter with only the unused card-family bit', async () => {
    slot.placeNew([]);
    const err = await session.execute(VHLSelect, { cardFamiliesFilter: 0x0002, reselect: true, acceptConfCard: false }).catch((e: unknown) => e);
    expect((err as ReaderStatusError).statusName).toBe('VHL.ErrNoTag');
  });

  it('hands the reader back to Autoread after a tag operation', async () => {
    slot.placeNew([]);
    await TagLink.select(session);
    // VHL.Select is card access: Autoread (and tamper messages over BRP) stop.
    const stopped = await session.execute(ARGetMessage, undefined).catch((e: unknown) => e);
    expect((stopped as ReaderStatusError).statusName).toBe('AR.ErrArDisabled');
    await withTag(session, readPublicInfo);
    const back = await session.execute(ARGetMessage, undefined).catch((e: unknown) => e);
    expect((back as ReaderStatusError).statusName).toBe('AR.ErrNoMessage');
  });
});
