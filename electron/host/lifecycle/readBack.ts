import { toHex } from '../../../shared/bytes.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import { formatValueId } from '../../../shared/config/valueId.ts';
import { ReaderStatusError } from '../../../shared/brp/errors.ts';
import type { BrpSession } from '../brp/session.ts';
import type { ReadBackValue } from '../../../shared/api/features/deploy.ts';

export type { ReadBackValue } from '../../../shared/api/features/deploy.ts';

const ERR_CFG_NOT_FOUND = 0x03;
const ERR_CFG_ACCESS_DENIED = 0x05;


/** Every configuration value the reader holds, for support (seed 000: all but the project keys). */
export async function readBackValues(session: BrpSession): Promise<ReadBackValue[]> {
  const out: ReadBackValue[] = [];
  const { keys } = await session.execute(Sys.SysCfgGetKeyList, undefined);
  for (const key of keys) {
    let values: number[] = [];
    try {
      values = (await session.execute(Sys.SysCfgGetValueList, { key })).values;
    } catch (err) {
      if (err instanceof ReaderStatusError && err.status === ERR_CFG_NOT_FOUND) continue;
      throw err;
    }
    for (const value of values) {
      const id = formatValueId(key, value);
      if (value >= 0x80) {
        out.push({ id, hex: null, secret: true });
        continue;
      }
      try {
        const { content } = await session.execute(Sys.SysCfgGetValue, { key, value });
        out.push({ id, hex: toHex(content), secret: false });
      } catch (err) {
        if (err instanceof ReaderStatusError && err.status === ERR_CFG_ACCESS_DENIED) out.push({ id, hex: null, secret: true });
        else if (!(err instanceof ReaderStatusError && err.status === ERR_CFG_NOT_FOUND)) throw err;
      }
    }
  }
  return out;
}
