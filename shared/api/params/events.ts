// Events slice of the API: the parameter schemas the host checks every call against before it
// runs (electron/host/app/dispatch.ts), one per method of shared/api/features/events.ts. Only the
// host imports them: the renderer programs against the zod-free feature module.

import { z } from 'zod';

const filePath = z.string().trim().min(1, 'a file path is needed').max(4096);

export const EVENTS_PARAMS = {
  eventLog: z.tuple([]),
  acknowledgeEvent: z.tuple([z.string().min(1).max(64)]),
  acknowledgeReaderAlarms: z.tuple([z.string().min(1).max(64)]),
  exportEvents: z.tuple([filePath, z.enum(['json', 'csv'])]),
  frameLog: z.tuple([z.number().int().min(1).max(5000).optional()]),
  exportDiagnostics: z.tuple([filePath]),
  suggestExportPath: z.tuple([z.enum(['events-json', 'events-csv', 'diagnostics'])]),
} as const;
