// Why a wireless-memory tag refused a memory access. The virtual reader maps these to BRP status
// codes; the message is a sentence for people and never contains a PIN.

export type TagRefusalReason =
  | 'usage-flag-set'
  | 'dos-mismatch'
  | 'wrong-pin'
  | 'pin-required'
  | 'segment-not-readable'
  | 'segment-not-writable'
  | 'edit-locked'
  | 'crosses-unit'
  | 'counter-not-next'
  | 'not-readable'
  | 'no-tag'
  | 'bad-address';

export class TagRefusal extends Error {
  readonly reason: TagRefusalReason;

  constructor(reason: TagRefusalReason, message: string) {
    super(message);
    this.name = 'TagRefusal';
    this.reason = reason;
  }
}
