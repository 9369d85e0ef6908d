import { describe, expect, it } from 'vitest';
import { describeStatus } from '../../../shared/brp/status.ts';
import {
  BrpChecksumError,
  BrpError,
  BrpFrameError,
  BrpTimeoutError,
  PortLostError,
  ReaderRejectedError,
  ReaderStatusError,
  UnsupportedChecksumError,
} from '../../../shared/brp/errors.ts';

describe('describeStatus', () => {
  it('names general status codes the same for every command group', () => {
    expect(describeStatus(0x0008, 0x82).name).toBe('ErrFrame');
    expect(describeStatus(0xf011, 0x82).name).toBe('ErrFrame');
    expect(describeStatus(0x0501, 0x41).name).toBe('ErrInvalidCmd');
  });

  it('reads group codes relative to the command group', () => {
    expect(describeStatus(0x0008, 0x03).name).toBe('Sys.ErrCfgNotFound');
    expect(describeStatus(0x0210, 0x03).name).toBe('Crypto.CrptErrKeyNotFound');
    expect(describeStatus(0x0501, 0x01).name).toBe('AR.ErrNoMessage');
    expect(describeStatus(0xf011, 0x13).name).toBe('Main.ErrInvalidCustomerKey');
    expect(describeStatus(0xf011, 0x15).meaning).toMatch(/older configuration version/);
  });

  it('gives unknown codes a neutral name and meaning', () => {
    expect(describeStatus(0x0008, 0x5a)).toEqual({
      name: 'Status 0x5A',
      meaning: expect.stringMatching(/does not know/),
      text: { code: 'status.unknown', params: {} },
    });
    // 0x13 is a Main code, not a Sys code
    expect(describeStatus(0x0008, 0x13).name).toBe('Status 0x13');
  });

  it('every meaning is a sentence', () => {
    for (const code of [0x40, 0x41, 0x42, 0x81, 0x82, 0x83, 0x84]) {
      expect(describeStatus(0, code).meaning).toMatch(/^[A-Z].*\.$/);
    }
  });
});

describe('BRP errors', () => {
  it('are BrpErrors with a code and a readable sentence', () => {
    const errors: [BrpError, string, RegExp][] = [
      [new BrpTimeoutError('Sys.GetInfo', 100), 'brp.timeout', /^The reader did not answer Sys.GetInfo within 100 ms\. Check the cable and the port\.$/],
      [new BrpChecksumError(0x4e53, 0x4e54), 'brp.checksum', /0x4E54.*0x4E53/],
      [new BrpFrameError('the frame is empty'), 'brp.frame', /^The frame is empty\.$/],
      [new ReaderStatusError('Sys.CfgGetValue', 0x0008, 0x03, 'Sys.ErrCfgNotFound', 'The value does not exist.'), 'brp.reader-status', /Sys.CfgGetValue.*Sys.ErrCfgNotFound.*0x03/],
      [new PortLostError('/dev/ttyUSB0', 'the cable was pulled'), 'brp.port-lost', /\/dev\/ttyUSB0.*the cable was pulled\./],
      [new ReaderRejectedError('Main.Bf3UploadContinue', 'the file is for another reader'), 'brp.reader-rejected', /rejected Main.Bf3UploadContinue: The file is for another reader\./],
      [new UnsupportedChecksumError(), 'brp.unsupported-checksum', /BCC16/],
    ];
    for (const [err, code, message] of errors) {
      expect(err).toBeInstanceOf(BrpError);
      expect(err).toBeInstanceOf(Error);
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
    }
  });

  it('keep the details as fields for the UI', () => {
    const e = new ReaderStatusError('Sys.CfgGetValue', 0x0008, 0x05, 'Sys.ErrCfgAccessDenied', 'Protected.');
    expect(e).toMatchObject({ command: 'Sys.CfgGetValue', cmdCode: 0x0008, status: 0x05, statusName: 'Sys.ErrCfgAccessDenied' });
    expect(new BrpTimeoutError('Sys.Reset', 100)).toMatchObject({ command: 'Sys.Reset', timeoutMs: 100 });
  });
});
