import { promises as dns } from 'node:dns';
import { realpath } from 'node:fs/promises';
import { canonicalReaderAddress, isTcpAddress, parseTcpAddress, formatTcpAddress } from '../../../shared/brp/tcpAddress.ts';

/**
 * One key per physical reader, whatever it is called: tcp://localhost:P and tcp://127.0.0.1:P, a
 * device path and a symlink to it (/dev/serial/by-id/…), tcp://host and tcp://host:2939. Used to
 * refuse the same reader twice in one deploy and two deploys racing on one reader.
 */
export async function readerKey(address: string): Promise<string> {
  const a = canonicalReaderAddress(address);
  if (isTcpAddress(a)) {
    try {
      const { host, port } = parseTcpAddress(a);
      const { address: ip } = await dns.lookup(host, { verbatim: true });
      return formatTcpAddress({ host: ip === '::1' ? '127.0.0.1' : ip, port });
    } catch {
      return a.toLowerCase();
    }
  }
  if (a.startsWith('hid:')) return a;
  try {
    return await realpath(a);
  } catch {
    return a;
  }
}

/** Readers that a deploy in this process is working on right now, by readerKey. */
const busy = new Map<string, string>();

/** Claims the reader for one deploy; null when another deploy holds it (the address it was given as). */
export function claimReader(key: string, address: string): { release: () => void } | { heldAs: string } {
  const holder = busy.get(key);
  if (holder !== undefined) return { heldAs: holder };
  busy.set(key, address);
  return { release: () => busy.delete(key) };
}

/** The first address in the list that names the same reader as an earlier one, with that earlier one. */
export async function sameReaderTwice(addresses: readonly string[]): Promise<{ first: string; again: string } | null> {
  const seen = new Map<string, string>();
  for (const a of addresses) {
    const key = await readerKey(a);
    const first = seen.get(key);
    if (first !== undefined) return { first, again: a };
    seen.set(key, a);
  }
  return null;
}
