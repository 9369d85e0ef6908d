import { BrpSession, type SessionOptions } from '../brp/session.ts';
import { transportFor } from '../transport/openTransport.ts';
import { chooseLinkChecksum } from '../transport/linkChecksum.ts';

/**
 * Opens the link to a reader at a serial path or tcp://host[:port] and starts a BRP session on it.
 * The frame checksum is the user's choice for the port, or else the default for the kind of link.
 */
export async function openSession(address: string, opts: SessionOptions = {}): Promise<BrpSession> {
  const linkChecksum = opts.linkChecksum ?? (await chooseLinkChecksum(address, opts.checksum));
  const transport = transportFor(address, { baudRate: opts.baudRate });
  await transport.open();
  return new BrpSession(transport, { ...opts, linkChecksum });
}

/** Runs `fn` with a session and always closes the port afterwards. */
export async function withSession<T>(address: string, fn: (s: BrpSession) => Promise<T>, opts: SessionOptions = {}): Promise<T> {
  const session = await openSession(address, opts);
  try {
    return await fn(session);
  } finally {
    await session.close().catch(() => undefined);
  }
}
