// Failures a real disk produces (full half-way, a rename across devices), injected into
// node:fs/promises for the tests of the atomic writer and its callers. A test file installs it with
//   vi.mock('node:fs/promises', async (real) => (await import('<this file>')).withFaults(await real()));
// and switches faults on through `faults`, which is reset before every test.
import { beforeEach } from 'vitest';
import type * as FsPromises from 'node:fs/promises';

export const faults = { rename: false, diskFullAfter: -1 };

beforeEach(() => {
  faults.rename = false;
  faults.diskFullAfter = -1;
});

export function withFaults(real: typeof FsPromises): typeof FsPromises {
  return {
    ...real,
    rename: async (from: Parameters<typeof real.rename>[0], to: Parameters<typeof real.rename>[1]) => {
      if (faults.rename) throw Object.assign(new Error('EXDEV: injected'), { code: 'EXDEV' });
      return real.rename(from, to);
    },
    open: async (...args: Parameters<typeof real.open>) => {
      const handle = await real.open(...args);
      if (faults.diskFullAfter < 0 || args[1] !== 'wx') return handle;
      // Writes part of the data, then fails like a full disk.
      const writeFile = async (data: string | Uint8Array) => {
        const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
        await handle.write(bytes.subarray(0, faults.diskFullAfter));
        throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' });
      };
      return Object.assign(Object.create(handle) as typeof handle, { writeFile, close: () => handle.close() });
    },
  };
}
