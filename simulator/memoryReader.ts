import { loadOrCreateState, type StateOptions } from './state/readerState.ts';
import { VirtualReader } from './firmware/virtualReader.ts';
import { registerSysHandlers } from './firmware/sysHandlers.ts';
import { registerCryptoHandlers } from './firmware/cryptoHandlers.ts';
import { registerUploadHandlers } from './firmware/uploadHandlers.ts';
import { registerArHandlers } from './firmware/arHandlers.ts';
import { MessageBuffer } from './firmware/alarmMessages.ts';
import { FrameServer } from './link/frameServer.ts';
import { registerTagPlugin } from './tag/tagPlugin.ts';
import { MemoryLink, type MemoryEnd } from './link/memoryLink.ts';
import { bufferLimits, DEFAULT_BUFFER_SIZE } from './firmware/readerBuffer.ts';

/** A virtual reader answering on one end of an in-memory pair (no pty, no socat). */
export async function attachMemoryReader(
  end: MemoryEnd,
  stateDir: string,
  opts: StateOptions & { bufferSize?: number } = {},
): Promise<VirtualReader> {
  const bufferSize = opts.bufferSize ?? DEFAULT_BUFFER_SIZE;
  const reader = new VirtualReader(stateDir, loadOrCreateState(stateDir, opts), { bufferSize });
  registerSysHandlers(reader);
  registerCryptoHandlers(reader);
  registerUploadHandlers(reader);
  registerArHandlers(reader, new MessageBuffer());
  registerTagPlugin(reader);
  await end.open();
  new FrameServer(new MemoryLink(end), (f) => reader.handle(f), { onReboot: () => reader.rebooted(), limits: bufferLimits(bufferSize) });
  return reader;
}
