import { describe, expect, it } from 'vitest';
import * as Sys from '../../../shared/brp/commands/sys.ts';
import { decodeCommandFrame, encodeCommandFrame } from '../../../shared/brp/frame.ts';
import { GENERAL_STATUS } from '../../../shared/brp/status.ts';
import { VirtualReader, type ReaderHardware } from '../../../simulator/firmware/virtualReader.ts';
import { registerSysHandlers } from '../../../simulator/firmware/sysHandlers.ts';
import { loadOrCreateState } from '../../../simulator/state/readerState.ts';
import { tempDir } from '../../helpers/processes.ts';

function reader(hardware: Partial<ReaderHardware> = {}) {
  const dir = tempDir('rd-scp-');
  const r = new VirtualReader(dir, loadOrCreateState(dir), { bufferSize: 1024, ...hardware });
  registerSysHandlers(r);
  const send = (params: Sys.CommParams) =>
    r.handle(decodeCommandFrame(encodeCommandFrame({ cmdCode: Sys.SysSetCommParam.code, payload: Sys.SysSetCommParam.encodeRequest(params), checksum: 'crc16' })));
  return { r, send };
}

describe('the virtual reader\'s Sys.SetCommParam', () => {
  it('answers at the old settings, takes the new ones once the answer has left, and forgets them on a restart', async () => {
    const { r, send } = reader({ baud: 115200 });
    expect(r.line.wireBaud).toBe(115200);
    expect((await send({ baud: 921600, parity: 'none', cwtMs: 12 })).status).toBe(0);
    expect(r.line.baud).toBe(115200);
    r.line.answerSent();
    expect([r.line.baud, r.line.wireBaud, r.line.cwtMs]).toEqual([921600, 921600, 12]);
    r.rebooted();
    expect([r.line.baud, r.line.cwtMs]).toEqual([115200, 20]);
  });

  it('refuses a rate outside the SDK\'s table, and every rate with --fixed-baud', async () => {
    expect((await reader().send({ baud: 230400, parity: 'none', cwtMs: 20 })).status).toBe(GENERAL_STATUS.ErrInvalidCmd);
    const fixed = reader({ fixedBaud: true });
    expect((await fixed.send({ baud: 921600, parity: 'none', cwtMs: 20 })).status).toBe(GENERAL_STATUS.ErrInvalidCmd);
    fixed.r.line.answerSent();
    expect(fixed.r.line.baud).toBe(115200);
  });

  it('emulates no wire time without --baud, at a nominal 115200', () => {
    const { r } = reader();
    expect([r.line.baud, r.line.wireBaud]).toEqual([115200, undefined]);
  });
});
