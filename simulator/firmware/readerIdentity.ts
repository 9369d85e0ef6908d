import { deviceSettingsId as deviceId, formatConfigId, projectSettingsId as projectId, type ConfigId, type ConfigOp } from '../../shared/bec2/index.ts';
import type { ConfigStore } from './configStore.ts';

/** The reader's stored values as the operations the ConfigId rules of shared/bec2 read. */
function asOps(config: ConfigStore): ConfigOp[] {
  const ops: ConfigOp[] = [];
  for (const value of config.valueIds(0x0620)) ops.push({ key: 0x0620, value, content: config.get(0x0620, value)! });
  return ops;
}

/** Sys.CfgGetId's answer: the naming-scheme id (empty when the configuration has none) and the name. */
function answer(id: ConfigId | null): { configId: string; configName: string } | undefined {
  if (!id) return undefined;
  const configId = id.customer === null ? '' : formatConfigId({ ...id, name: null });
  return { configId, configName: id.name ?? '' };
}

export function projectSettingsId(config: ConfigStore): { configId: string; configName: string } | undefined {
  return answer(projectId(asOps(config)));
}

export function deviceSettingsId(config: ConfigStore): { configId: string; configName: string } | undefined {
  return answer(deviceId(asOps(config)));
}

