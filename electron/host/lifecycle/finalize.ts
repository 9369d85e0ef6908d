import path from 'node:path';
import { createHash } from 'node:crypto';
import { randomBytes, wipe } from '../../../shared/bytes.ts';
import { buildBec2, type ConfigOp as Bec2Op } from '../../../shared/bec2/index.ts';
import { customerKeyMatch, isFinalized, linkCustomerKey, recordFinalization, toConfigOps, configIdString } from '../../../shared/config/model.ts';
import type { Balcfg } from '../../../shared/config/balcfg.ts';
import type { BrpSession } from '../brp/session.ts';
import { withBorrowedCustomerKey } from '../readers/customerKey.ts';
import type { CustomerKeyIdentity, CustomerKeyMemory } from '../readers/customerKeyMemory.ts';
import { writeFileAtomic } from '../../../node/files/atomicWrite.ts';
import { readerSealer } from './readerSealer.ts';
import { HostError, hostText } from '../../../shared/errors/hostError.ts';

/** Finalizing was refused before anything was written; `code` says why (finalize.*). */
export class FinalizeRefusedError<C extends 'finalize.already-finalized' | 'finalize.key-mismatch' = 'finalize.already-finalized' | 'finalize.key-mismatch'> extends HostError<C> {
  override readonly name = 'FinalizeRefusedError';
}

export interface FinalizeResult {
  balcfg: Balcfg;
  bec2Path: string;
  sha256: string;
  bytes: number;
  configId: string;
  customerKey: CustomerKeyIdentity;
}

/**
 * Finalizes the current version of a BALCFG into a BEC2 on a connected reader (seed 000,
 * "End-to-end encryption"): a fresh session key encrypts the configuration here, the reader seals
 * that key with its customer key, and the session key is wiped as soon as the file is written.
 * The BALCFG is linked to the reader's customer key; a reader with another key is refused.
 */
export async function finalizeOnReader(
  session: BrpSession,
  cfg: Balcfg,
  opts: { outPath: string; readerLabel?: string; now?: Date; keyMemory?: CustomerKeyMemory },
): Promise<FinalizeResult> {
  const readerLabel = opts.readerLabel ?? session.address;
  if (isFinalized(cfg)) {
    throw new FinalizeRefusedError('finalize.already-finalized', { version: String(cfg.version), next: String(cfg.version + 1) });
  }
  const now = (opts.now ?? new Date()).toISOString();
  // The reader holds a copy of its customer key in a borrowed key-list entry only while the block is sealed.
  const built = await withBorrowedCustomerKey(
    session,
    async ({ keyIndex, identity }) => {
      if (customerKeyMatch(cfg, identity.signature) === 'mismatch') {
        const link = cfg.customerKeyLink!;
        throw new FinalizeRefusedError('finalize.key-mismatch', {
          linked: hostText(link.kind === 'default' ? 'finalize.linked-default' : 'finalize.linked-custom', {}),
          linkedReader: link.readerLabel,
          linkedSignature: link.signature,
          reader: readerLabel,
          held: hostText(identity.kind === 'default' ? 'finalize.held-default' : 'finalize.held-other', {}),
          signature: identity.signature,
        });
      }
      const linked = linkCustomerKey(cfg, { signature: identity.signature, kind: identity.kind, readerLabel, linkedAt: now });
      const ops: Bec2Op[] = toConfigOps(linked).map((o) => ({ key: o.key, value: o.value, content: o.content }));
      const sessionKey = randomBytes(16);
      try {
        const bec2 = await buildBec2({ config: ops, sessionKey, sealer: readerSealer(session, keyIndex) });
        return { text: bec2.text, binaryLength: bec2.binary.length, linked, identity };
      } finally {
        wipe(sessionKey);
      }
    },
    opts.keyMemory,
  );
  await writeFileAtomic(opts.outPath, built.text);
  const sha256 = createHash('sha256').update(built.text).digest('hex');
  const balcfg = recordFinalization(built.linked, { finalizedAt: now, bec2File: path.basename(opts.outPath), sha256, readerLabel });
  return { balcfg, bec2Path: opts.outPath, sha256, bytes: built.binaryLength, configId: configIdString(built.linked), customerKey: built.identity };
}
