// Typed failures of the BF3/BEC2 reader, so that a reader (real or virtual) can map each one
// to its own status code without parsing message text. Messages never contain key material.

export type Bec2FailureReason =
  /** the text container or binary structure is broken (Main.ErrInvalidFormat) */
  | 'format'
  /** a payload or directory-entry MAC does not match the session key (Main.ErrInvalidCmac) */
  | 'mac'
  /** an auth block could not be opened with the given key: wrong "B" magic or length */
  | 'auth-block'
  /** an auth block decrypted, but its CRC is wrong (in practice also a wrong key) */
  | 'crc'
  /** the file has no auth block of the kind that was asked for */
  | 'missing-auth-block'
  /** the configuration component's TLV blocks are malformed (Sys.ErrInvalidCfgBlock) */
  | 'config';

export type AuthBlockKind = 'init-cust-key' | 'update' | 'init-ecc';

export class Bec2FormatError extends Error {
  override readonly name = 'Bec2FormatError';
  readonly reason: Bec2FailureReason;
  /** Which auth block failed, for the reasons that concern one. */
  readonly authBlock: AuthBlockKind | undefined;

  constructor(reason: Bec2FailureReason, message: string, authBlock?: AuthBlockKind) {
    super(message);
    this.reason = reason;
    this.authBlock = authBlock;
  }
}

/** Raised by the writers when the caller's input cannot be expressed in the format. */
export class Bec2InputError extends Error {
  override readonly name = 'Bec2InputError';
}
