// Answers after which the reader restarts, and so returns to its configured line settings
// (Sys.SetCommParam is volatile, brp.md 2.2): a host that raised the rate must follow it back.

import type { AnyBrpCommand } from './command.ts';
import { SysFactoryReset, SysReset } from './commands/sys.ts';
import { MainBf3UploadContinue } from './commands/main.ts';

/** True when the reader's answer to this command says it restarts now. */
export function answerMeansRestart(command: AnyBrpCommand, request: unknown, response: unknown): boolean {
  switch (command.code) {
    case SysReset.code:
      return true;
    case SysFactoryReset.code:
      return (request as { performReboot?: boolean } | undefined)?.performReboot === true;
    case MainBf3UploadContinue.code:
      return (response as { reconnect?: boolean } | undefined)?.reconnect === true;
    default:
      return false;
  }
}
