// Readers slice of the API: the parameter schemas the host checks every call against before it
// runs (electron/host/app/dispatch.ts), one per method of shared/api/features/readers.ts. Only the
// host imports them: the renderer programs against the zod-free feature module.

import { z } from 'zod';
import { LINK_CHECKSUMS } from '../../brp/checksum.ts';
import { tcpAddressProblem } from '../../brp/tcpAddress.ts';
import { englishText } from '../../errors/hostError.ts';
import { isSetCommParamRate } from '../../brp/lineRates.ts';
import { MAX_BAUD_CHOICES } from '../features/readers.ts';

/** A reader address: a serial port, or tcp://host[:port] (port 2939 when left out). */
export const readerAddressSchema = z
  .string()
  .min(1)
  .max(512)
  .superRefine((address, ctx) => {
    const problem = tcpAddressProblem(address.trim());
    // The sentence goes as a catalogue text too, so the UI words the refusal in its language.
    if (problem) ctx.addIssue({ code: 'custom', message: englishText(problem), params: { text: problem } });
  });

export const READERS_PARAMS = {
  appInfo: z.tuple([]),
  listPorts: z.tuple([]),
  listReaders: z.tuple([]),
  connect: z.tuple([
    readerAddressSchema,
    z
      .object({
        checksum: z.enum(LINK_CHECKSUMS).optional(),
        baudRate: z.number().int('the baud rate is a whole number').min(300, 'the baud rate must be between 300 and 4000000').max(4_000_000, 'the baud rate must be between 300 and 4000000').optional(),
      })
      .strict()
      .optional(),
  ]),
  disconnect: z.tuple([z.string().min(1).max(64)]),
  refreshReader: z.tuple([z.string().min(1).max(64)]),
  identifyCustomerKey: z.tuple([z.string().min(1).max(64)]),
  setReaderName: z.tuple([z.string().min(1).max(64), z.string().max(64, 'a reader name has at most 64 characters')]),
  setPortMaxBaud: z.tuple([
    z.string().min(1).max(64),
    z
      .number()
      .int('the maximum rate is a whole number')
      .refine((b) => isSetCommParamRate(b) && b >= 9600, `the maximum rate is one of the rates a reader can switch to: ${MAX_BAUD_CHOICES.join(', ')}`),
  ]),
  runningJobs: z.tuple([]),
} as const;
