import * as Crypto from '../../../shared/brp/commands/crypto.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import type { BrpSession } from '../brp/session.ts';

export type CustomerKeyKind = 'default' | 'custom';

export interface CustomerKeyIdentity {
  /** Key signature (Crypto.GetKeySig) of the reader's customer key: identifies it, reveals nothing. */
  signature: string;
  kind: CustomerKeyKind;
}

/**
 * Key-list slot ReaderDesk borrows to learn the customer key's signature: Crypto.CopyConfigKey
 * copies the key there, Crypto.GetKeySig signs it, and the slot is deleted again
 * (decisions.md, Keys). The highest slot is used because configurations fill the list from the bottom.
 */
export const SCRATCH_KEY_INDEX = 0x7e;
const KEY_LIST = 0x0601;

export function probeCustomerKey(session: BrpSession): Promise<CustomerKeyIdentity> {
  // The four commands share one key slot: nothing else may run in between.
  return session.exclusive(() => probe(session));
}

async function probe(session: BrpSession): Promise<CustomerKeyIdentity> {
  try {
    await session.execute(Crypto.CryptoCopyConfigKey, { keyIndex: SCRATCH_KEY_INDEX, forceDefaultKey: false });
    const own = await session.execute(Crypto.CryptoGetKeySig, { keyIndex: SCRATCH_KEY_INDEX });
    await session.execute(Crypto.CryptoCopyConfigKey, { keyIndex: SCRATCH_KEY_INDEX, forceDefaultKey: true });
    const standard = await session.execute(Crypto.CryptoGetKeySig, { keyIndex: SCRATCH_KEY_INDEX });
    return {
      signature: own.keySignature.toString(16).toUpperCase().padStart(8, '0'),
      kind: own.keySignature === standard.keySignature ? 'default' : 'custom',
    };
  } finally {
    await session.execute(Sys.SysCfgDelValues, { key: KEY_LIST, value: 0x80 + SCRATCH_KEY_INDEX }).catch(() => undefined);
  }
}
