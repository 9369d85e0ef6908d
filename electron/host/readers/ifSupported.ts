// Older firmware lacks some commands and answers them with ErrInvalidCmd (0x41). A host that only
// wants to learn something must not fail then: the answer is "this firmware cannot tell", and the
// command's name is noted so the UI can say what this firmware cannot do.

import type { BrpCommand } from '../../../shared/brp/command.ts';
import { isUnsupportedCommand } from '../../../shared/brp/statusChecks.ts';
import type { BrpSession } from '../brp/session.ts';

export const UNSUPPORTED = Symbol('unsupported command');

/** The answer, or UNSUPPORTED (its name added to `lacks`) when the firmware does not know the command. */
export async function executeIfSupported<Req, Res>(
  session: BrpSession,
  command: BrpCommand<Req, Res>,
  request: Req,
  lacks: string[],
): Promise<Res | typeof UNSUPPORTED> {
  try {
    return await session.execute(command, request);
  } catch (err) {
    if (!isUnsupportedCommand(err)) throw err;
    if (!lacks.includes(command.name)) lacks.push(command.name);
    return UNSUPPORTED;
  }
}
