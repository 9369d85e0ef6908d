// BRP over USB HID (BALTECH docs: developers/usb-hid-transfer-layer-brp). Every BRP frame travels in
// exactly one HID report: ReportId (1 byte), BrpFrameLen (2 bytes, LSB first), the frame, padding up
// to the report's size. The reader offers four report sizes; the smallest one the frame fits is used,
// as the reader itself does.

import { BrpFrameError } from './errors.ts';

export type HidReportId = 1 | 2 | 3 | 4;

export const HID_REPORT_IDS: readonly HidReportId[] = [1, 2, 3, 4];

/** The sizes the transfer-layer page lists for report ids 1-4. */
export const HID_REPORT_SIZES: Readonly<Record<HidReportId, number>> = { 1: 12, 2: 60, 3: 252, 4: 1020 };

/**
 * Whether a listed size counts the ReportId byte. The page calls the whole structure (ReportId,
 * BrpFrameLen, frame, padding) "an HID report" and then lists the "HID report sizes", so the default
 * reads the sizes as including the id byte; decisions.md (USB HID) keeps the other reading available.
 */
export interface HidReportLayout {
  sizeCountsReportId: boolean;
}

export const DEFAULT_HID_REPORT_LAYOUT: Readonly<HidReportLayout> = { sizeCountsReportId: true };

/** ReportId plus the 2-byte BrpFrameLen. */
const HEADER_LENGTH = 3;

function isReportId(id: number): id is HidReportId {
  return id === 1 || id === 2 || id === 3 || id === 4;
}

/** Bytes of a whole report of this id as it travels, ReportId byte included. */
export function hidReportLength(id: HidReportId, layout: HidReportLayout = DEFAULT_HID_REPORT_LAYOUT): number {
  return HID_REPORT_SIZES[id] + (layout.sizeCountsReportId ? 0 : 1);
}

/** The longest BRP frame a report of this id carries. */
export function maxHidFrameLength(id: HidReportId, layout: HidReportLayout = DEFAULT_HID_REPORT_LAYOUT): number {
  return hidReportLength(id, layout) - HEADER_LENGTH;
}

/** The smallest report id a frame of this length fits in. */
export function hidReportIdFor(frameLength: number, layout: HidReportLayout = DEFAULT_HID_REPORT_LAYOUT): HidReportId {
  for (const id of HID_REPORT_IDS) if (frameLength <= maxHidFrameLength(id, layout)) return id;
  throw new BrpFrameError(
    `a BRP frame of ${frameLength} bytes does not fit any HID report: the largest (id 4) carries at most ` +
      `${maxHidFrameLength(4, layout)} bytes. Send less data per command`,
  );
}

/** One BRP frame as one HID report (ReportId first), zero-padded to the report's size. */
export function packHidReport(frame: Uint8Array, layout: HidReportLayout = DEFAULT_HID_REPORT_LAYOUT): Uint8Array {
  if (frame.length === 0) throw new BrpFrameError('an empty BRP frame cannot be sent in a HID report');
  const id = hidReportIdFor(frame.length, layout);
  const report = new Uint8Array(hidReportLength(id, layout));
  report[0] = id;
  report[1] = frame.length & 0xff;
  report[2] = frame.length >> 8;
  report.set(frame, HEADER_LENGTH);
  return report;
}

/** The BRP frame inside one HID report; a report that breaks the transfer-layer rules is refused. */
export function unpackHidReport(report: Uint8Array, layout: HidReportLayout = DEFAULT_HID_REPORT_LAYOUT): Uint8Array {
  if (report.length === 0) throw new BrpFrameError('an empty HID report arrived; a BRP report starts with its report id (1 to 4)');
  const id = report[0]!;
  if (!isReportId(id)) {
    throw new BrpFrameError(`a HID report with id ${id} arrived; BRP travels only in reports with ids 1 to 4`);
  }
  const expected = hidReportLength(id, layout);
  if (report.length !== expected) {
    throw new BrpFrameError(`HID report ${id} is ${report.length} bytes long, but a report with id ${id} has ${expected} bytes (report id included)`);
  }
  const frameLength = report[1]! | (report[2]! << 8);
  const max = maxHidFrameLength(id, layout);
  if (frameLength === 0) throw new BrpFrameError(`HID report ${id} carries no BRP frame (its frame length is 0)`);
  if (frameLength > max) {
    throw new BrpFrameError(`HID report ${id} announces a BRP frame of ${frameLength} bytes, but it has room for at most ${max}`);
  }
  return report.slice(HEADER_LENGTH, HEADER_LENGTH + frameLength);
}
