// Typed BRP failures. Each is a HostError: a catalogue code with its values (the UI translates
// it) and an English sentence for the CLI and logs. None of them ever carries key material: only
// names, codes and lengths.

import { englishText, HostError, hostText, type HostErrorParams } from '../errors/hostError.ts';
import type { HostErrorCode } from '../errors/catalogue.ts';
import { isHostText, type HostText } from '../errors/hostText.ts';

export type BrpErrorCode = Extract<HostErrorCode, `brp.${string}`>;

export abstract class BrpError<C extends BrpErrorCode = BrpErrorCode> extends HostError<C> {
  constructor(code: C, params: HostErrorParams<C>) {
    super(code, params);
  }
}

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
}


export class BrpTimeoutError extends BrpError<'brp.timeout'> {
  override readonly name = 'BrpTimeoutError';
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
  ) {
    super('brp.timeout', { command, ms: timeoutMs });
  }
}

export class BrpChecksumError extends BrpError<'brp.checksum'> {
  override readonly name = 'BrpChecksumError';
  /** expected: computed over the received bytes; actual: the checksum that came with them. */
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    const digits = expected > 0xff || actual > 0xff ? 4 : 2;
    super('brp.checksum', { actual: hex(actual, digits), expected: hex(expected, digits) });
  }
}

/** A frame that cannot be built or read; the reason is a catalogue clause (brp.why.*), or the system's own words. */
export class BrpFrameError extends BrpError<'brp.frame'> {
  override readonly name = 'BrpFrameError';
  /** The reason in English, as a clause. */
  readonly reason: string;
  constructor(reason: string | HostText) {
    super('brp.frame', { reason });
    this.reason = typeof reason === 'string' ? reason : englishText(reason);
  }
}

export class UnsupportedChecksumError extends BrpError<'brp.unsupported-checksum'> {
  override readonly name = 'UnsupportedChecksumError';
  constructor(readonly kind: string = 'bcc16') {
    super('brp.unsupported-checksum', { kind: kind.toUpperCase() });
  }
}

export class ReaderStatusError extends BrpError<'brp.reader-status'> {
  override readonly name = 'ReaderStatusError';
  /** What the status means, in English. */
  readonly meaning: string;
  constructor(
    readonly command: string,
    readonly cmdCode: number,
    readonly status: number,
    readonly statusName: string,
    /** The status table's text (describeStatus), or a sentence of the caller's own. */
    meaning: string | HostText,
  ) {
    super('brp.reader-status', { command, statusName, status: hex(status, 2), meaning });
    this.meaning = typeof meaning === 'string' ? meaning : englishText(meaning);
  }
}

/** Why a link is gone: a catalogue clause (translated in the UI) or the system's own words. */
export type PortLostReason = string | HostText;

export class PortLostError extends BrpError<'brp.port-lost'> {
  override readonly name = 'PortLostError';
  /** The reason in English, as a clause (empty when none was given). */
  readonly reason?: string;
  /** The reason as given: a catalogue clause (translated in the UI) or the system's own words. */
  readonly why?: PortLostReason;
  constructor(
    readonly port: string,
    reason?: PortLostReason,
  ) {
    const clause = typeof reason === 'string' ? reason.trim().replace(/[.]$/, '') : reason;
    super('brp.port-lost', { port, because: clause ? hostText('brp.because', { reason: clause }) : '' });
    if (reason !== undefined) {
      this.reason = isHostText(reason) ? englishText(reason) : reason;
      this.why = reason;
    }
  }
}

/** The reader understood the command but refused it for a reason the caller can state. */
export class ReaderRejectedError extends BrpError<'brp.reader-rejected'> {
  override readonly name = 'ReaderRejectedError';
  /** The reason in English, as a clause. */
  readonly reason: string;
  constructor(
    readonly command: string,
    reason: string | HostText,
  ) {
    super('brp.reader-rejected', { command, reason });
    this.reason = typeof reason === 'string' ? reason : englishText(reason);
  }
}

/** A command frame larger than the reader takes (Sys.GetBufferSize); it was never sent. */
export class FrameTooLargeError extends BrpError<'brp.frame-too-large'> {
  override readonly name = 'FrameTooLargeError';
  constructor(
    readonly command: string,
    readonly frameBytes: number,
    readonly limitBytes: number,
    /** True when the reader reported its buffer size; false when only the guaranteed 128 bytes are known. */
    readonly reported: boolean,
    advice?: HostText,
  ) {
    super('brp.frame-too-large', {
      command,
      frameBytes,
      limitBytes,
      source: reported ? hostText('brp.limit-reported', {}) : hostText('brp.limit-guaranteed', {}),
      advice: advice ?? hostText('brp.send-less', {}),
    });
  }
}
