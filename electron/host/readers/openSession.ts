import { BrpSession, type SessionOptions } from '../brp/session.ts';
import { transportFor } from '../transport/openTransport.ts';

/** Opens the link to a reader at a serial path or tcp://host:port and starts a BRP session on it. */
export async function openSession(address: string, opts: SessionOptions = {}): Promise<BrpSession> {
  const transport = transportFor(address, { baudRate: opts.baudRate });
  await transport.open();
  return new BrpSession(transport, opts);
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
