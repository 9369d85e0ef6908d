// Typed BRP failures. The UI tells them apart by `code`, the message is a full sentence for a
// person at the desk. None of them ever carries key material: only names, codes and lengths.

export type BrpErrorCode =
  | 'timeout'
  | 'checksum'
  | 'frame'
  | 'reader-status'
  | 'port-lost'
  | 'reader-rejected'
  | 'unsupported-checksum'
  | 'frame-too-large';

export abstract class BrpError extends Error {
  abstract readonly code: BrpErrorCode;
}

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
}

/** Turns a lower-case reason clause into a sentence. */
function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return t;
  const first = t[0]!.toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

export class BrpTimeoutError extends BrpError {
  override readonly name = 'BrpTimeoutError';
  readonly code = 'timeout' as const;
  constructor(
    readonly command: string,
    readonly timeoutMs: number,
  ) {
    super(`The reader did not answer ${command} within ${timeoutMs} ms. Check the cable and the port.`);
  }
}

export class BrpChecksumError extends BrpError {
  override readonly name = 'BrpChecksumError';
  readonly code = 'checksum' as const;
  /** expected: computed over the received bytes; actual: the checksum that came with them. */
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    const digits = expected > 0xff || actual > 0xff ? 4 : 2;
    super(
      `A frame arrived with checksum ${hex(actual, digits)}, but its content gives ${hex(expected, digits)}: ` +
        'the bytes were damaged on the line. Try again, and check the cable and baud rate if it keeps happening.',
    );
  }
}

export class BrpFrameError extends BrpError {
  override readonly name = 'BrpFrameError';
  readonly code = 'frame' as const;
  constructor(readonly reason: string) {
    super(sentence(reason));
  }
}

export class UnsupportedChecksumError extends BrpError {
  override readonly name = 'UnsupportedChecksumError';
  readonly code = 'unsupported-checksum' as const;
  constructor(readonly kind: string = 'bcc16') {
    super(
      `The frame uses the ${kind.toUpperCase()} checksum, which ReaderDesk does not support. ` +
        'Use CRC16 or no checksum on this link.',
    );
  }
}

export class ReaderStatusError extends BrpError {
  override readonly name = 'ReaderStatusError';
  readonly code = 'reader-status' as const;
  constructor(
    readonly command: string,
    readonly cmdCode: number,
    readonly status: number,
    readonly statusName: string,
    readonly meaning: string,
  ) {
    super(`The reader answered ${command} with ${statusName} (status ${hex(status, 2)}): ${sentence(meaning)}`);
  }
}

export class PortLostError extends BrpError {
  override readonly name = 'PortLostError';
  readonly code = 'port-lost' as const;
  constructor(
    readonly port: string,
    readonly reason?: string,
  ) {
    const why = reason ? `: ${reason.trim().replace(/[.]$/, '')}` : '';
    super(
      `The link to ${port} is not available${why}. ` +
        'Check that the reader is connected and that no other program is using the port.',
    );
  }
}

/** The reader understood the command but refused it for a reason the caller can state. */
export class ReaderRejectedError extends BrpError {
  override readonly name = 'ReaderRejectedError';
  readonly code = 'reader-rejected' as const;
  constructor(
    readonly command: string,
    readonly reason: string,
  ) {
    super(`The reader rejected ${command}: ${sentence(reason)}`);
  }
}

/** A command frame larger than the reader takes (Sys.GetBufferSize); it was never sent. */
export class FrameTooLargeError extends BrpError {
  override readonly name = 'FrameTooLargeError';
  readonly code = 'frame-too-large' as const;
  constructor(
    readonly command: string,
    readonly frameBytes: number,
    readonly limitBytes: number,
    /** True when the reader reported its buffer size; false when only the guaranteed 128 bytes are known. */
    readonly reported: boolean,
    advice = 'Send less data in one command.',
  ) {
    const source = reported
      ? 'it reported its buffer size with Sys.GetBufferSize'
      : 'the 128 bytes every reader guarantees, since this reader does not report its buffer size';
    super(
      `${command} needs a command frame of ${frameBytes} bytes, but the reader takes at most ${limitBytes} bytes per frame ` +
        `(${source}), so it was not sent. ${sentence(advice)}`,
    );
  }
}
