import { toHex } from '../../../shared/bytes.ts';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import { formatValueId } from '../../../shared/config/valueId.ts';
import { SYS_STATUS } from '../../../shared/brp/status.ts';
import { isGroupStatus } from '../../../shared/brp/statusChecks.ts';
import type { BrpSession } from '../brp/session.ts';
import type { ReadBackReport, ReadBackValue } from '../../../shared/api/features/deploy.ts';
import { UNSUPPORTED, executeIfSupported } from '../readers/ifSupported.ts';

export type { ReadBackValue } from '../../../shared/api/features/deploy.ts';

export interface ReadBack {
  values: ReadBackValue[];
  valueList: ReadBackReport['valueList'];
}

/** Value ids below this are readable; ids from here on are secret (ErrCfgAccessDenied). */
const FIRST_SECRET_VALUE = 0x80;

const isNotFound = (err: unknown) => isGroupStatus(err, 'Sys', SYS_STATUS.ErrCfgNotFound);
const isDenied = (err: unknown) => isGroupStatus(err, 'Sys', SYS_STATUS.ErrCfgAccessDenied);

/**
 * Every configuration value the reader holds, for support (seed 000: all but the project keys).
 * Firmware without Sys.CfgGetValueList cannot list a key's values: then every readable value id of
 * each key is asked for in turn ('readable-only'); secret values cannot be seen that way.
 */
export async function readBackValues(session: BrpSession): Promise<ReadBack> {
  const out: ReadBackValue[] = [];
  const lacks: string[] = [];
  const { keys } = await session.execute(Sys.SysCfgGetKeyList, undefined);
  for (const key of keys) {
    let values: readonly number[] = [];
    let listed = true;
    try {
      const answer = lacks.length > 0 ? UNSUPPORTED : await executeIfSupported(session, Sys.SysCfgGetValueList, { key }, lacks);
      if (answer === UNSUPPORTED) {
        listed = false;
        values = Array.from({ length: FIRST_SECRET_VALUE }, (_, i) => i);
      } else {
        values = answer.values;
      }
    } catch (err) {
      if (isNotFound(err)) continue;
      throw err;
    }
    for (const value of values) {
      const id = formatValueId(key, value);
      if (value >= FIRST_SECRET_VALUE) {
        out.push({ id, hex: null, secret: true });
        continue;
      }
      try {
        const { content } = await session.execute(Sys.SysCfgGetValue, { key, value });
        out.push({ id, hex: toHex(content), secret: false });
      } catch (err) {
        // Asking blindly, a missing id is the normal answer; a listed id that is denied is a secret.
        if (isDenied(err) && listed) out.push({ id, hex: null, secret: true });
        else if (!isNotFound(err) && !(isDenied(err) && !listed)) throw err;
      }
    }
  }
  return { values: out, valueList: lacks.length > 0 ? 'readable-only' : 'complete' };
}
