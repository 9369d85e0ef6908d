// Names a person sees for boot-status bits, status codes and features: as BALTECH's SDK gives them
// (real-readers.md), so a log or report matches BALTECH's documentation word for word.
import { describe, expect, it } from 'vitest';
import { bootStatusBitName, bootStatusProblems } from '../../../shared/brp/commands/sys.ts';
import { FEATURE_ID, featureName, hasFeature, namedFeatures } from '../../../shared/brp/features.ts';
import { describeStatus } from '../../../shared/brp/status.ts';

const VHL_READ = 0x0102;
const SEC_AUTH_PHASE1 = 0x0701;
const MAIN_UPLOAD_CONTINUE = 0xf011;
const AR_GET_MESSAGE = 0x0501;

describe('boot status bits', () => {
  it('names the blocked-firmware and unexpected-reboot bits as the SDK does', () => {
    expect(bootStatusBitName(27)).toBe('FirmwareVersionBlocked');
    expect(bootStatusBitName(18)).toBe('FirmwareVersionBlockedLegacy');
    expect(bootStatusBitName(30)).toBe('UnexpectedRebootsLegacy');
    expect(bootStatusBitName(31)).toBe('NewerReaderChipFirmware');
    expect(bootStatusBitName(29)).toBe('FactorySettings');
    expect(bootStatusBitName(8)).toBe('Rf13MHzLegacy');
  });

  it('keeps error bits (0-23) and warning bits (24-31) apart', () => {
    const problems = bootStatusProblems((1 << 27) | (1 << 18));
    expect(problems.map((p) => [p.name, p.severity])).toEqual([
      ['FirmwareVersionBlockedLegacy', 'error'],
      ['FirmwareVersionBlocked', 'warning'],
    ]);
  });

  it('calls bits the SDK leaves unassigned by number', () => {
    for (const bit of [3, 6, 11, 13, 24, 25, 26]) expect(bootStatusBitName(bit)).toBe(`Bit${bit}`);
  });
});

describe('status names', () => {
  it('knows every VHL status up to ErrApdu (0x0D)', () => {
    const names = [0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].map((s) => describeStatus(VHL_READ, s).name);
    expect(names).toEqual(['VHL.ConfcardRead', 'VHL.ErrInvalidCardType', 'VHL.ErrNotSupported', 'VHL.ErrFormat', 'VHL.ErrHw', 'VHL.ErrApdu']);
    expect(describeStatus(VHL_READ, 0x04).meaning).toMatch(/not in the reader configuration/);
    expect(describeStatus(VHL_READ, 0x0e).name).toBe('Status 0x0E');
  });

  it('knows the Sec group', () => {
    expect(describeStatus(SEC_AUTH_PHASE1, 0x01).name).toBe('Sec.ErrCrypto');
    expect(describeStatus(SEC_AUTH_PHASE1, 0x02).name).toBe('Sec.ErrTunnel');
  });

  it('names the upload and Autoread statuses a host must tell apart', () => {
    expect(describeStatus(MAIN_UPLOAD_CONTINUE, 0x19).name).toBe('Main.ErrAlreadyUpToDate');
    expect(describeStatus(AR_GET_MESSAGE, 0x10).name).toBe('AR.ErrArDisabled');
    expect(describeStatus(AR_GET_MESSAGE, 0x41).name).toBe('ErrInvalidCmd');
  });
});

describe('features', () => {
  it('names feature ids as the SDK does', () => {
    expect(featureName(83)).toBe('Bec2Upload');
    expect(featureName(63)).toBe('Tamper');
    expect(featureName(68)).toBe('FwUploadViaBrpOverSer');
    expect(featureName(500)).toBe('Feature 500');
  });

  it('says nothing about ids above the firmware\'s MaxFeatureID', () => {
    const list = namedFeatures([FEATURE_ID.Tamper], 70);
    expect(hasFeature(list, FEATURE_ID.Tamper)).toBe(true);
    expect(hasFeature(list, FEATURE_ID.AesHostProtocolEncryption)).toBe(false);
    expect(hasFeature(list, FEATURE_ID.Bec2Upload)).toBeNull();
    expect(hasFeature(null, FEATURE_ID.Bec2Upload)).toBeNull();
  });
});
