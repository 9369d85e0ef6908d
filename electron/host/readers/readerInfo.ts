import * as Sys from '../../../shared/brp/commands/sys.ts';
import { bootStatusProblems } from '../../../shared/brp/commands/sys.ts';
import { namedFeatures, type ReaderFeatures } from '../../../shared/brp/features.ts';
import { SYS_STATUS } from '../../../shared/brp/status.ts';
import { isGroupStatus } from '../../../shared/brp/statusChecks.ts';
import type { BrpSession } from '../brp/session.ts';
import { customerKeyMemory, type CustomerKeyIdentity, type CustomerKeyMemory } from './customerKeyMemory.ts';
import type { LinkChecksum } from '../transport/linkChecksum.ts';
import { UNSUPPORTED, executeIfSupported } from './ifSupported.ts';

export interface ReaderInfo {
  address: string;
  firmware: string;
  configId: string | null;
  configName: string | null;
  /**
   * Whether the reader holds a Config Security Code: without one it accepts any configuration.
   * 'unknown' when the firmware cannot list configuration values (no Sys.CfgGetValueList).
   */
  securityCode: 'set' | 'unset' | 'unknown';
  /** Readers without project settings can be reconfigured by anyone (seed 000): a security risk. */
  projectSettings: boolean;
  /** ProjectSettingsVersion (0620/07) of the configuration the reader runs. */
  version: number | null;
  bootStatus: { bits: number; problems: { name: string; severity: 'error' | 'warning' }[] };
  /** Known only once a flow that needs it (finalize, "identify customer key") has asked the reader; reading never asks. */
  customerKey: CustomerKeyIdentity | null;
  /** The frame checksum this link uses, and why. */
  link: LinkChecksum;
  /** What Sys.GetFeatures reports; null when the firmware lacks the command. */
  features: ReaderFeatures | null;
  /** Commands this firmware answered with ErrInvalidCmd while ReaderDesk read it (e.g. "Sys.GetFeatures"). */
  firmwareLacks: string[];
}

function isNotFound(err: unknown): boolean {
  return isGroupStatus(err, 'Sys', SYS_STATUS.ErrCfgNotFound);
}

/** Reads what a reader tells about itself with read-only commands: it never writes to the reader. */
export async function readReaderInfo(session: BrpSession, opts: { keyMemory?: CustomerKeyMemory } = {}): Promise<ReaderInfo> {
  const lacks: string[] = [];
  const { info } = await session.execute(Sys.SysGetInfo, undefined);
  const boot = await session.execute(Sys.SysGetBootStatus, undefined);
  const features = await executeIfSupported(session, Sys.SysGetFeatures, undefined, lacks);
  let id: { configId: string; configName: string } | null = null;
  try {
    id = await session.execute(Sys.SysCfgGetId, undefined);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  // The CSC itself is never readable (ErrCfgAccessDenied), but its value id is listed; firmware
  // without Sys.CfgGetValueList cannot tell (null).
  let deviceRunValues: number[] | null = [];
  try {
    const listed = await executeIfSupported(session, Sys.SysCfgGetValueList, { key: 0x0202 }, lacks);
    deviceRunValues = listed === UNSUPPORTED ? null : listed.values;
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
    securityCode: deviceRunValues === null ? 'unknown' : deviceRunValues.includes(0x82) ? 'set' : 'unset',
    projectSettings: version !== null,
    version,
    bootStatus: { bits: boot.bits, problems: bootStatusProblems(boot.bits) },
    customerKey,
    link: session.linkChecksum,
    features: features === UNSUPPORTED ? null : namedFeatures(features.featureIds, features.maxFeatureId),
    firmwareLacks: lacks,
  };
}
