// Deploy slice of the API: the parameter schemas the host checks every call against before it
// runs (electron/host/app/dispatch.ts), one per method of shared/api/features/deploy.ts. Only the
// host imports them: the renderer programs against the zod-free feature module.

import { z } from 'zod';
import { DEPLOY_OUTCOMES, DEPLOY_REASONS, type LineSpeedReport } from '../features/deploy.ts';
import { KEPT_BECAUSE, LINE_SPEED_OUTCOMES, RATE_FAILURES } from '../../brp/lineSpeed.ts';
import { readerAddressSchema } from './readers.ts';

const readerId = z.string().min(1).max(64);
const address = readerAddressSchema;
const filePath = z.string().trim().min(1, 'a file path is needed').max(4096);

const baud = z.number().int().min(300).max(4_000_000);
const lineSpeedSchema = z.object({
  from: baud,
  rate: baud,
  maxBaud: baud,
  outcome: z.enum(LINE_SPEED_OUTCOMES),
  keptBecause: z.enum(KEPT_BECAUSE).optional(),
  failed: z.array(z.object({ baud, where: z.enum(RATE_FAILURES) })).max(64),
}) satisfies z.ZodType<LineSpeedReport>;

const deployResultSchema = z.object({
  port: address,
  result: z.enum(DEPLOY_OUTCOMES),
  reason: z.enum(DEPLOY_REASONS),
  message: z.string().max(2000),
  bytes: z.number().int().min(0).max(1_000_000_000),
  durationMs: z.number().int().min(0).max(86_400_000),
  configIdBefore: z.string().max(200).nullable().optional(),
  configIdAfter: z.string().max(200).nullable().optional(),
  bytesSent: z.number().int().min(0).max(1_000_000_000).optional(),
  serialNumber: z.string().max(32).nullable().optional(),
  firmware: z.string().max(200).nullable().optional(),
  startedAt: z.string().max(40).optional(),
  finishedAt: z.string().max(40).optional(),
  file: z.string().max(4096).optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  recoveries: z.number().int().min(0).max(1000).optional(),
  lineSpeed: lineSpeedSchema.optional(),
});

export const DEPLOY_PARAMS = {
  deployFile: z.tuple([filePath, z.array(address).min(1, 'pick at least one reader').max(64), z.string().min(1).max(64).optional()]),
  saveDeployReport: z.tuple([filePath, z.enum(['json', 'csv']), z.array(deployResultSchema).min(1).max(64)]),
  recentBec2Files: z.tuple([]),
  inspectBec2: z.tuple([filePath]),
  finalizedFiles: z.tuple([filePath]),
  factoryReset: z.tuple([readerId, z.string().max(512)]),
  readBack: z.tuple([readerId]),
} as const;
