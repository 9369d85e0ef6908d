// BRP over USB HID (BALTECH docs: developers/usb-hid-transfer-layer-brp). Every BRP frame travels in
// exactly one HID report: ReportId (1 byte), BrpFrameLen (2 bytes, LSB first), the frame, padding up
// to the report's size. The reader offers four report sizes; the smallest one the frame fits is used,
// as the reader itself does.

import { BrpFrameError } from './errors.ts';
import { hostText } from '../errors/hostError.ts';

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
  throw new BrpFrameError(hostText('brp.why.hid-frame-too-large', { bytes: frameLength, max: maxHidFrameLength(4, layout) }));
}

/** One BRP frame as one HID report (ReportId first), zero-padded to the report's size. */
export function packHidReport(frame: Uint8Array, layout: HidReportLayout = DEFAULT_HID_REPORT_LAYOUT): Uint8Array {
  if (frame.length === 0) throw new BrpFrameError(hostText('brp.why.hid-empty-frame', {}));
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
  if (report.length === 0) throw new BrpFrameError(hostText('brp.why.hid-empty-report', {}));
  const id = report[0]!;
  if (!isReportId(id)) {
    throw new BrpFrameError(hostText('brp.why.hid-report-id', { id: String(id) }));
  }
  const expected = hidReportLength(id, layout);
  if (report.length !== expected) {
    throw new BrpFrameError(hostText('brp.why.hid-report-length', { id: String(id), length: report.length, expected }));
  }
  const frameLength = report[1]! | (report[2]! << 8);
  const max = maxHidFrameLength(id, layout);
  if (frameLength === 0) throw new BrpFrameError(hostText('brp.why.hid-no-frame', { id: String(id) }));
  if (frameLength > max) {
    throw new BrpFrameError(hostText('brp.why.hid-frame-length', { id: String(id), bytes: frameLength, max }));
  }
  return report.slice(HEADER_LENGTH, HEADER_LENGTH + frameLength);
}
