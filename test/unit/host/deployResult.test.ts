// How a deploy result is worded for the reader's answer: the reasons a person acts on differently
// each get their own reason code and sentence.
import { describe, expect, it } from 'vitest';
import * as Main from '../../../shared/brp/commands/main.ts';
import { ReaderStatusError } from '../../../shared/brp/errors.ts';
import { describeStatus } from '../../../shared/brp/status.ts';
import { NoBec2UploadError, classifyDeployError } from '../../../electron/host/lifecycle/deployResult.ts';

function statusError(cmdCode: number, status: number): ReaderStatusError {
  const d = describeStatus(cmdCode, status);
  return new ReaderStatusError(cmdCode === Main.MainBf3UploadStart.code ? 'Main.Bf3UploadStart' : 'Main.Bf3UploadContinue', cmdCode, status, d.name, d.meaning);
}

describe('classifyDeployError', () => {
  it('reports Main.ErrAlreadyUpToDate as already up to date, not as a refusal', () => {
    const c = classifyDeployError(statusError(Main.MainBf3UploadContinue.code, 0x19));
    expect(c).toEqual({ result: 'accepted', reason: 'already-up-to-date', message: expect.stringMatching(/^Already up to date: /), text: { code: 'deploy.already-up-to-date', params: {} } });
  });

  it('tells a reader without BEC2 upload that its firmware loads only BEC files', () => {
    for (const err of [statusError(Main.MainBf3UploadStart.code, 0x41), new NoBec2UploadError()]) {
      const c = classifyDeployError(err);
      expect(c.result).toBe('rejected');
      expect(c.reason).toBe('firmware-bec-only');
      expect(c.message).toMatch(/firmware older than 2\.00 loads only BEC files/);
    }
  });

  it('keeps ErrInvalidCmd during the upload itself apart from missing BEC2 support', () => {
    expect(classifyDeployError(statusError(Main.MainBf3UploadContinue.code, 0x41)).reason).toBe('other');
  });

  it('still names the reader\'s own refusals', () => {
    expect(classifyDeployError(statusError(Main.MainBf3UploadContinue.code, 0x15)).reason).toBe('rollback');
    expect(classifyDeployError(statusError(Main.MainBf3UploadContinue.code, 0x13)).reason).toBe('customer-key-mismatch');
    expect(classifyDeployError(statusError(Main.MainBf3UploadStart.code, 0x10)).reason).toBe('busy');
  });
});
