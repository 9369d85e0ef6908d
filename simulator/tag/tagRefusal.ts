// Why a wireless-memory tag refused a memory access. The virtual reader maps these to BRP status
// codes; the message is a sentence for people and never contains a PIN.

import type { WirelessMemoryRefusal } from '../../shared/brp/commands/vhl.ts';

/** The reasons are part of the protocol description: the host names the same ones (shared/brp/commands/vhl.ts). */
export type TagRefusalReason = WirelessMemoryRefusal;

export class TagRefusal extends Error {
  readonly reason: TagRefusalReason;

  constructor(reason: TagRefusalReason, message: string) {
    super(message);
    this.name = 'TagRefusal';
    this.reason = reason;
  }
}
