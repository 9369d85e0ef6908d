// Files slice of the API: the parameter schemas the host checks every call against before it
// runs (electron/host/app/dispatch.ts), one per method of shared/api/features/files.ts. Only the
// host imports them: the renderer programs against the zod-free feature module.

import { z } from 'zod';
import { FILE_KINDS } from '../features/files.ts';

const filePath = z.string().trim().min(1, 'a file path is needed').max(4096, 'the path is longer than 4096 characters');
const kind = z.enum(FILE_KINDS);
const purpose = z.enum(['open', 'save']);

export const FILES_PARAMS = {
  chooseFile: z.tuple([z.strictObject({ purpose, kind, suggested: z.string().max(4096).optional(), title: z.string().max(200).optional() })]),
  listFolder: z.tuple([filePath.nullable(), kind.nullable()]),
  checkPath: z.tuple([filePath]),
  pickFile: z.tuple([filePath, purpose, kind, z.boolean()]),
  recentFilesOf: z.tuple([kind]),
  keepDroppedFile: z.tuple([
    z.string().min(1).max(255).refine((n) => !/[/\\\0]/.test(n) && n !== '.' && n !== '..', 'a dropped file is named without a folder'),
    z.string().max(8_000_000, 'a dropped file may be at most 6 MB').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the content must be base64'),
  ]),
} as const;
