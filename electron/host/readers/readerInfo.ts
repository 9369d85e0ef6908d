import * as Sys from '../../../shared/brp/commands/sys.ts';
import { ReaderStatusError } from '../../../shared/brp/errors.ts';
import { bootStatusProblems } from '../../../shared/brp/commands/sys.ts';
import type { BrpSession } from '../brp/session.ts';
import { customerKeyMemory, type CustomerKeyIdentity, type CustomerKeyMemory } from './customerKeyMemory.ts';

export interface ReaderInfo {
  address: string;
  firmware: string;
  configId: string | null;
  configName: string | null;
  /** Whether the reader holds a Config Security Code: without one it accepts any configuration. */
  securityCode: 'set' | 'unset';
  /** Readers without project settings can be reconfigured by anyone (seed 000): a security risk. */
  projectSettings: boolean;
  /** ProjectSettingsVersion (0620/07) of the configuration the reader runs. */
  version: number | null;
  bootStatus: { bits: number; problems: { name: string; severity: 'error' | 'warning' }[] };
  /** Known only once a flow that needs it (finalize, "identify customer key") has asked the reader; reading never asks. */
  customerKey: CustomerKeyIdentity | null;
}

const SYS_ERR_CFG_NOT_FOUND = 0x03;

function isNotFound(err: unknown): boolean {
  return err instanceof ReaderStatusError && err.status === SYS_ERR_CFG_NOT_FOUND;
}

/** Reads what a reader tells about itself with read-only commands: it never writes to the reader. */
export async function readReaderInfo(session: BrpSession, opts: { keyMemory?: CustomerKeyMemory } = {}): Promise<ReaderInfo> {
  const { info } = await session.execute(Sys.SysGetInfo, undefined);
  const boot = await session.execute(Sys.SysGetBootStatus, undefined);
  let id: { configId: string; configName: string } | null = null;
  try {
    id = await session.execute(Sys.SysCfgGetId, undefined);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  // The CSC itself is never readable (ErrCfgAccessDenied), but its value id is listed.
  let deviceRunValues: number[] = [];
  try {
    deviceRunValues = (await session.execute(Sys.SysCfgGetValueList, { key: 0x0202 })).values;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  let version: number | null = null;
  try {
    const { content } = await session.execute(Sys.SysCfgGetValue, { key: 0x0620, value: 0x07 });
    version = content.length > 0 ? content[content.length - 1]! : null;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const customerKey = (opts.keyMemory ?? customerKeyMemory).get(session.address, info);
  return {
    address: session.address,
    firmware: info,
    configId: id ? id.configId : null,
    configName: id ? id.configName : null,
    securityCode: deviceRunValues.includes(0x82) ? 'set' : 'unset',
    projectSettings: version !== null,
    version,
    bootStatus: { bits: boot.bits, problems: bootStatusProblems(boot.bits) },
    customerKey,
  };
}
