// The whole command table, looked up by code for logs, the frame explainer and raw commands.

import type { AnyBrpCommand } from '../command.ts';
import * as AR from './ar.ts';
import * as Crypto from './crypto.ts';
import * as Main from './main.ts';
import * as Sys from './sys.ts';
import * as VHL from './vhl.ts';

export const ALL_COMMANDS: readonly AnyBrpCommand[] = [
  Sys.SysGetBufferSize,
  Sys.SysReset,
  Sys.SysGetInfo,
  Sys.SysGetBootStatus,
  Sys.SysGetPort,
  Sys.SysCfgGetValue,
  Sys.SysCfgSetValue,
  Sys.SysCfgDelValues,
  Sys.SysCfgGetKeyList,
  Sys.SysCfgGetValueList,
  Sys.SysCfgCheck,
  Sys.SysSetCommParam,
  Sys.SysCfgReset,
  Sys.SysCfgGetId,
  Sys.SysCfgGetDeviceSettingsId,
  Sys.SysFactoryResetLegacy,
  Sys.SysGetFeatures,
  Sys.SysFactoryReset,
  Crypto.CryptoBalKeyEncryptBuffer,
  Crypto.CryptoGetKeySig,
  Crypto.CryptoCopyConfigKey,
  AR.ARSetMode,
  AR.ARGetMessage,
  Main.MainBf3UploadStart,
  Main.MainBf3UploadContinue,
  VHL.VHLSelect,
  VHL.VHLResolveFilename,
  VHL.VHLRead,
  VHL.VHLWrite,
  VHL.VHLIsSelected,
];

const BY_CODE: ReadonlyMap<number, AnyBrpCommand> = new Map(ALL_COMMANDS.map((c) => [c.code, c]));

export function commandByCode(code: number): AnyBrpCommand | undefined {
  return BY_CODE.get(code);
}

/** 'Sys.GetInfo', or 'Command 0xF0AB' for a code the table does not know. */
export function commandName(code: number): string {
  return BY_CODE.get(code)?.name ?? `Command 0x${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
