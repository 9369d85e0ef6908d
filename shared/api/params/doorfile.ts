// Door-file slice of the API: the parameter schemas the host checks every call against before it
// runs (electron/host/app/dispatch.ts), one per method of shared/api/features/doorfile.ts. Only the
// host imports them: the renderer programs against the zod-free feature module.

import { z } from 'zod';
import { DOORFILE_MAX_USERS_LIMIT } from '../features/doorfile.ts';

const path = z.string().trim().min(1, 'a file path is needed').max(4096, 'the path is longer than 4096 characters');
const maxUsers = z.number().int().min(1).max(DOORFILE_MAX_USERS_LIMIT);
// Messages never repeat the value: it may be a key.
const siteKey = z.union([
  z.strictObject({ hex: z.string().regex(/^[0-9a-fA-F]{64}$/, 'the site key must be exactly 64 hex digits') }),
  z.strictObject({ file: path }),
]);

export const DOORFILE_PARAMS = {
  doorfilePreview: z.tuple([path, z.strictObject({ maxUsers })]),
  doorfileBuild: z.tuple([
    z.strictObject({
      csvPath: path,
      siteKey,
      outPath: path,
      binaryPath: path.optional(),
      acceptWarnings: z.boolean(),
      maxUsers,
      fieldName: z.enum(['primeCred', 'primeCr']),
    }),
  ]),
  doorfileVerify: z.tuple([z.strictObject({ doorPath: path, siteKey, maxUsers: maxUsers.optional() })]),
} as const;
