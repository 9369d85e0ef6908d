import * as Sys from '../../../shared/brp/commands/sys.ts';
import { ReaderStatusError } from '../../../shared/brp/errors.ts';
import { STATUS, SYS_STATUS } from '../../../shared/brp/status.ts';
import type { BrpSession } from '../brp/session.ts';
import { HostError } from '../../../shared/errors/hostError.ts';

/** Custom/Crypto/Key: the reader's crypto key list; KeyIndex n is value 0x80 + n (real-readers.md, Keys). */
export const KEY_LIST_KEY = 0x0601;
const FIRST_INDEX = 0x01;
const LAST_INDEX = 0x7f;

export function keyListValueId(keyIndex: number): string {
  return `0601/${(0x80 + keyIndex).toString(16).toUpperCase()}`;
}

export class NoFreeKeyListEntryError extends HostError<'key-list.full'> {
  override readonly name = 'NoFreeKeyListEntryError';
  constructor() {
    super('key-list.full', {});
  }
}

function statusOf(err: unknown): number | undefined {
  return err instanceof ReaderStatusError ? err.status : undefined;
}

/**
 * Firmware without Sys.CfgGetValueList is asked value by value with Sys.CfgGetValue, whose
 * ErrCfgAccessDenied says "exists, secret" and ErrCfgNotFound "free". Nothing here writes.
 */
async function isFreeByProbe(session: BrpSession, index: number): Promise<boolean> {
  try {
    await session.execute(Sys.SysCfgGetValue, { key: KEY_LIST_KEY, value: 0x80 + index });
    return false;
  } catch (err) {
    const status = statusOf(err);
    if (status === SYS_STATUS.ErrCfgNotFound) return true;
    if (status === SYS_STATUS.ErrCfgAccessDenied) return false;
    throw err;
  }
}

/**
 * A key-list entry the reader's own configuration does not use, from the top of the list down,
 * because configurations fill the list from the bottom. Sys.CfgGetValueList lists secret values
 * without revealing them. Must run inside `session.exclusive`, before the entry is written.
 */
export async function findFreeKeyListEntry(session: BrpSession): Promise<number> {
  let listed = true;
  let used: Set<number>;
  try {
    const { values } = await session.execute(Sys.SysCfgGetValueList, { key: KEY_LIST_KEY });
    used = new Set(values.filter((v) => v > 0x80).map((v) => v - 0x80));
  } catch (err) {
    const status = statusOf(err);
    if (status === SYS_STATUS.ErrCfgNotFound) used = new Set();
    else if (status === STATUS.ErrInvalidCmd) {
      listed = false;
      used = new Set();
    } else throw err;
  }
  for (let index = LAST_INDEX; index >= FIRST_INDEX; index--) {
    if (used.has(index)) continue;
    if (listed || (await isFreeByProbe(session, index))) return index;
  }
  throw new NoFreeKeyListEntryError();
}

/** Deletes the borrowed entry again; an entry that is already gone counts as removed. */
export async function removeKeyListEntry(session: BrpSession, index: number): Promise<void> {
  try {
    await session.execute(Sys.SysCfgDelValues, { key: KEY_LIST_KEY, value: 0x80 + index });
  } catch (err) {
    if (statusOf(err) !== SYS_STATUS.ErrCfgNotFound) throw err;
  }
}
