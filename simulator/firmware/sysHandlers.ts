import * as Sys from '../../shared/brp/commands/sys.ts';
import { GENERAL_STATUS, SYS_STATUS } from '../../shared/brp/status.ts';
import { isSetCommParamRate } from '../../shared/brp/lineRates.ts';
import { factorySettings } from '../state/factorySettings.ts';
import { ConfigStore } from './configStore.ts';
import { StatusReply, type VirtualReader } from './virtualReader.ts';
import { deviceSettingsId, projectSettingsId } from './readerIdentity.ts';
import { bufferLimits } from './readerBuffer.ts';

/** Device/Run values that only an authenticated upload or a factory reset may change. */
const PROTECTED_BY_UPLOAD = new Set(['0202/82', '0202/85', '0202/8A']);
const CONFIG_CAPACITY = 32 * 1024;

export function registerSysHandlers(reader: VirtualReader): void {
  const { state } = reader;

  reader.on(Sys.SysGetBufferSize, () => bufferLimits(reader.hardware.bufferSize));
  reader.on(Sys.SysGetInfo, () => ({ info: `${state.firmware} ${state.serialNumber}` }));
  reader.on(Sys.SysGetBootStatus, () => ({ bits: 0 }));
  reader.on(Sys.SysReset, () => ({ reboot: true, response: undefined }));
  reader.on(Sys.SysGetFeatures, () => reader.profile.features);

  // Volatile line settings: answered at the old ones, the new ones apply from the next frame, a
  // restart brings back the configured ones (brp.md 2.2). A rate outside the SDK's enumeration is
  // refused like a bad parameter (guess: the docs name no status for it).
  reader.on(Sys.SysSetCommParam, (req) => {
    if (reader.hardware.fixedBaud || !isSetCommParamRate(req.baud)) throw new StatusReply(GENERAL_STATUS.ErrInvalidCmd);
    reader.line.change(req);
  });

  // The configuration, its CSC and the stored version go and the factory settings come back; the
  // factory keys stay (decisions.md, Keys).
  const restoreFactorySettings = (): void => {
    state.config = factorySettings();
    state.storedVersion = null;
    reader.persist();
  };
  reader.on(Sys.SysFactoryReset, (req) => {
    restoreFactorySettings();
    return req.performReboot ? { reboot: true, response: undefined } : undefined;
  });
  // Without a reboot: the host sends Sys.Reset afterwards (brp.md 4.5).
  reader.on(Sys.SysFactoryResetLegacy, () => restoreFactorySettings());

  reader.on(Sys.SysCfgGetValue, (req) => {
    // A secret that exists is refused; one that does not is "not found", as Sys.CfgGetValueList would tell anyway.
    const content = reader.config.get(req.key, req.value);
    if (!content) throw new StatusReply(SYS_STATUS.ErrCfgNotFound);
    if (req.value >= 0x80) throw new StatusReply(SYS_STATUS.ErrCfgAccessDenied);
    return { content };
  });

  reader.on(Sys.SysCfgSetValue, (req) => {
    if (req.key === 0xffff || (req.key & 0xff) === 0xff || (req.key >> 8) === 0xff || req.value === 0xff) {
      throw new StatusReply(SYS_STATUS.ErrCfgNotFound);
    }
    if (PROTECTED_BY_UPLOAD.has(ConfigStore.id(req.key, req.value))) throw new StatusReply(SYS_STATUS.ErrCfgAccessDenied);
    if (reader.config.usedBytes() + req.content.length + 4 > CONFIG_CAPACITY) throw new StatusReply(SYS_STATUS.ErrCfgFull);
    reader.config.set(req.key, req.value, req.content);
    reader.persist();
    return undefined;
  });

  reader.on(Sys.SysCfgDelValues, (req) => {
    if (PROTECTED_BY_UPLOAD.has(ConfigStore.id(req.key, req.value))) throw new StatusReply(SYS_STATUS.ErrCfgAccessDenied);
    const n = reader.config.deleteMatching(req.key, req.value);
    if (n === 0) throw new StatusReply(SYS_STATUS.ErrCfgNotFound);
    reader.persist();
    return undefined;
  });

  reader.on(Sys.SysCfgGetKeyList, () => ({ keys: reader.config.keys() }));

  reader.on(Sys.SysCfgGetValueList, (req) => {
    const values = reader.config.valueIds(req.key);
    if (values.length === 0) throw new StatusReply(SYS_STATUS.ErrCfgNotFound);
    return { values };
  });

  reader.on(Sys.SysCfgCheck, () => ({ totalSize: CONFIG_CAPACITY, freeSize: Math.max(0, CONFIG_CAPACITY - reader.config.usedBytes()) }));

  reader.on(Sys.SysCfgGetId, () => {
    const id = projectSettingsId(reader.config) ?? deviceSettingsId(reader.config);
    if (!id) throw new StatusReply(SYS_STATUS.ErrCfgNotFound);
    return id;
  });

  reader.on(Sys.SysCfgGetDeviceSettingsId, () => {
    const id = deviceSettingsId(reader.config);
    if (!id) throw new StatusReply(SYS_STATUS.ErrCfgNotFound);
    return id;
  });

}
