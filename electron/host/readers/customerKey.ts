import * as Crypto from '../../../shared/brp/commands/crypto.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import type { BrpSession } from '../brp/session.ts';
import { customerKeyMemory, type CustomerKeyIdentity, type CustomerKeyMemory } from './customerKeyMemory.ts';
import { findFreeKeyListEntry, keyListValueId, removeKeyListEntry } from './keyListEntry.ts';
import { HostError, hostText, reasonOf } from '../../../shared/errors/hostError.ts';

export class KeyEntryLeftBehindError extends HostError<'key-list.left-behind'> {
  override readonly name = 'KeyEntryLeftBehindError';
  constructor(
    readonly valueId: string,
    removalError: unknown,
    /** What failed first, when the sequence broke off before the entry was to be removed. */
    readonly original?: unknown,
  ) {
    const before = original === undefined ? '' : hostText('key-list.first-failure', { reason: reasonOf(original) });
    super('key-list.left-behind', { before, valueId, reason: reasonOf(removalError) });
  }
}

function hexSignature(n: number): string {
  return n.toString(16).toUpperCase().padStart(8, '0');
}

export interface BorrowedCustomerKey {
  /** The key-list entry (KeyIndex) that holds a copy of the customer key while `use` runs. */
  keyIndex: number;
  identity: CustomerKeyIdentity;
}

/**
 * The documented way to work with a reader's customer key without ever learning it
 * (real-readers.md, Keys): pick a key-list entry the configuration does not use, copy the customer
 * key there with Crypto.CopyConfigKey, sign it with Crypto.GetKeySig, let `use` work with the
 * entry (Crypto.BalKeyEncryptBuffer with EmbeddedKeyIndex = the entry), and delete the entry again,
 * also when anything in between fails. The whole sequence runs uninterrupted on the session.
 * Whether the key is BALTECH's default is learnt once per reader by signing the default key in the
 * same entry (ForceDefaultKey) and remembered.
 */
export function withBorrowedCustomerKey<T>(
  session: BrpSession,
  use: (borrowed: BorrowedCustomerKey) => Promise<T>,
  memory: CustomerKeyMemory = customerKeyMemory,
): Promise<T> {
  return session.exclusive(async () => {
    const { info: firmware } = await session.execute(Sys.SysGetInfo, undefined);
    const keyIndex = await findFreeKeyListEntry(session);
    let result: T;
    try {
      await session.execute(Crypto.CryptoCopyConfigKey, { keyIndex, forceDefaultKey: false });
      const own = hexSignature((await session.execute(Crypto.CryptoGetKeySig, { keyIndex })).keySignature);
      let identity = memory.get(session.address, firmware);
      if (identity?.signature !== own) {
        await session.execute(Crypto.CryptoCopyConfigKey, { keyIndex, forceDefaultKey: true });
        const standard = hexSignature((await session.execute(Crypto.CryptoGetKeySig, { keyIndex })).keySignature);
        await session.execute(Crypto.CryptoCopyConfigKey, { keyIndex, forceDefaultKey: false });
        identity = { signature: own, kind: own === standard ? 'default' : 'custom' };
        memory.remember(session.address, firmware, identity);
      }
      result = await use({ keyIndex, identity });
    } catch (err) {
      try {
        await removeKeyListEntry(session, keyIndex);
      } catch (removalError) {
        throw new KeyEntryLeftBehindError(keyListValueId(keyIndex), removalError, err);
      }
      throw err;
    }
    try {
      await removeKeyListEntry(session, keyIndex);
    } catch (err) {
      throw new KeyEntryLeftBehindError(keyListValueId(keyIndex), err);
    }
    return result;
  });
}

/** The explicit "identify customer key" action: the borrow sequence with nothing in between. */
export function identifyCustomerKey(session: BrpSession, memory: CustomerKeyMemory = customerKeyMemory): Promise<CustomerKeyIdentity> {
  return withBorrowedCustomerKey(session, async ({ identity }) => identity, memory);
}
