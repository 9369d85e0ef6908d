// Tags slice of the API: the parameter schemas the host checks every call against before it
// runs (electron/host/app/dispatch.ts), one per method of shared/api/features/tags.ts. Only the
// host imports them: the renderer programs against the zod-free feature module.

import { z } from 'zod';
import { TAG_PIN_POSITION_MAX, TAG_SEGMENTS, TAG_SEGMENT_SIZE } from '../features/tags.ts';

const readerId = z.string().min(1).max(64);
// Regex messages never repeat the value: it is a PIN.
const pinHex = z.string().regex(/^[0-9a-fA-F]{32}$/, 'a PIN is exactly 32 hex digits');
const segment = z.number().int().min(0).max(TAG_SEGMENTS - 1);
const offset = z.number().int().min(0).max(TAG_SEGMENT_SIZE - 1);
const pinIndex = z.number().int().min(0).max(255);

export const TAGS_PARAMS = {
  tagInfo: z.tuple([readerId]),
  tagCounter: z.tuple([readerId]),
  tagSetPin: z.tuple([
    readerId,
    z.strictObject({ position: z.number().int().min(1).max(TAG_PIN_POSITION_MAX), masterIndex: z.number().int().min(0).max(3), masterPinHex: pinHex, pinHex }),
  ]),
  tagProtect: z.tuple([
    readerId,
    z.strictObject({
      segment,
      editPinHex: pinHex,
      read: z.boolean().optional(),
      write: z.boolean().optional(),
      readPinIndex: pinIndex.nullable().optional(),
      writePinIndex: pinIndex.nullable().optional(),
      editPinIndex: pinIndex.optional(),
      lock: z.boolean().optional(),
    }),
  ]),
  tagRead: z.tuple([readerId, z.strictObject({ segment, pinHex: pinHex.optional(), offset: offset.optional(), length: z.number().int().min(1).max(TAG_SEGMENT_SIZE).optional() })]),
  tagWrite: z.tuple([
    readerId,
    z.strictObject({
      segment,
      pinHex: pinHex.optional(),
      offset: offset.optional(),
      dataHex: z.string().regex(/^([0-9a-fA-F]{2}){1,256}$/, 'the data is 1 to 256 whole bytes as hex digits'),
    }),
  ]),
} as const;
