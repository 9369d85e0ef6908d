// Configuration slice of the API: the parameter schemas the host checks every call against before it
// runs (electron/host/app/dispatch.ts), one per method of shared/api/features/config.ts. Only the
// host imports them: the renderer programs against the zod-free feature module.
//
// A BALCFG travels as the plain JSON document of shared/config/schema.ts. These schemas only bound
// its shape and size; the host re-checks every document with parseBalcfg, whose sentences name the
// field at fault.

import { z } from 'zod';
import type { Balcfg } from '../../config/balcfg.ts';

const filePath = z.string().min(1).max(4096);
const readerId = z.string().min(1).max(64);

const identity = z.strictObject({
  customer: z.number().int().min(0).max(99999),
  project: z.number().int().min(1).max(9999),
  device: z.number().int().min(0).max(9999),
  name: z.string().min(1).max(128),
});

const valueEntry = z.looseObject({ id: z.string().max(16), hex: z.string().max(256) });

/**
 * Shape and size only; parseBalcfg on the host gives the real verdict. Typed as the Balcfg it lets
 * through because every method that takes one re-checks it before use (configService's checkDocument).
 */
const balcfgShape = z.looseObject({
  format: z.string().max(64),
  formatVersion: z.number(),
  values: z.array(valueEntry).max(65_536),
  history: z
    .array(z.looseObject({ changes: z.looseObject({ set: z.array(valueEntry).max(65_536), removed: z.array(z.string().max(16)).max(65_536) }) }))
    .max(99),
}) as unknown as z.ZodType<Balcfg>;

export const CONFIG_PARAMS = {
  configNew: z.tuple([filePath, identity]),
  configOpen: z.tuple([filePath]),
  configSave: z.tuple([filePath, balcfgShape]),
  recentFiles: z.tuple([]),
  configBump: z.tuple([filePath]),
  configNewVersionFrom: z.tuple([filePath, z.number().int().min(1).max(99)]),
  configFinalize: z.tuple([filePath, readerId, filePath]),
  configDiffWithReader: z.tuple([z.union([filePath, balcfgShape]), readerId]),
} as const;
