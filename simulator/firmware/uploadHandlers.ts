import { bytesEqual, fromHex, wipe } from '../../shared/bytes.ts';
import * as Main from '../../shared/brp/commands/main.ts';
import { MAIN_STATUS } from '../../shared/brp/status.ts';
import {
  Bec2FormatError,
  hasAuthBlock,
  openBec2InitCustKey,
  openBec2Update,
  parseBec2Binary,
  readBec2Configuration,
  type ConfigOp,
} from '../../shared/bec2/index.ts';
import { StatusReply, type VirtualReader } from './virtualReader.ts';
import { ConfigStore } from './configStore.ts';
import { probeBec2Length } from './bec2Length.ts';
import { DEFAULT_CUSTOMER_KEY } from '../state/readerState.ts';
import { largestUploadBlock } from '../../shared/brp/frameLimits.ts';
import { bufferLimits } from './readerBuffer.ts';

/** An upload nobody continues for this long is abandoned, so a cut-off host can start over. */
const ABANDON_MS = 3000;

interface Upload {
  /** The bytes received so far: the start of `buffer`, which grows by doubling (one copy per doubling, not one per block). */
  data: Uint8Array;
  buffer: Uint8Array;
  lastActivity: number;
  estimated: boolean;
}

/**
 * Main.Bf3UploadStart / Bf3UploadContinue for BEC2 configuration files. The reader collects the
 * whole file first, then checks it completely (format, customer key, Config Security Code,
 * version, MACs) and only then replaces its configuration, in one atomic write: a rejected or
 * interrupted upload leaves the reader exactly as it was (decisions.md, Upload).
 */
export function registerUploadHandlers(reader: VirtualReader): void {
  let upload: Upload | undefined;
  // The largest block whose Bf3UploadContinue frame still fits the reader's buffer, even with a
  // 2-byte checksum: a bigger buffer means bigger blocks and fewer round trips.
  const block = largestUploadBlock(bufferLimits(reader.hardware.bufferSize), 'crc16');
  const active = () => upload !== undefined && Date.now() - upload.lastActivity < ABANDON_MS;
  reader.onReboot(() => (upload = undefined));

  reader.on(Main.MainBf3UploadStart, () => {
    if (active()) throw new StatusReply(MAIN_STATUS.ErrInvalidState);
    upload = { data: new Uint8Array(0), buffer: new Uint8Array(4096), lastActivity: Date.now(), estimated: false };
    return { reqDataAdr: 0, reqDataLen: 5 };
  });

  reader.on(Main.MainBf3UploadContinue, async (req) => {
    const u = upload;
    if (!u || !active()) {
      upload = undefined;
      throw new StatusReply(MAIN_STATUS.ErrInvalidState);
    }
    const fail = (status: number): never => {
      upload = undefined;
      throw new StatusReply(status);
    };
    if (req.dataAdr !== u.data.length) fail(MAIN_STATUS.ErrReadFile);
    const length = u.data.length + req.data.length;
    if (length > u.buffer.length) {
      const grown = new Uint8Array(Math.max(length, u.buffer.length * 2));
      grown.set(u.data);
      u.buffer = grown;
    }
    u.buffer.set(req.data, u.data.length);
    u.data = u.buffer.subarray(0, length);
    u.lastActivity = Date.now();
    const probe = probeBec2Length(u.data);
    if ('invalid' in probe) return fail(MAIN_STATUS.ErrInvalidFormat);
    const wanted = 'total' in probe ? probe.total : probe.need;
    if (u.data.length > wanted) return fail(MAIN_STATUS.ErrInvalidFormat);
    if (u.data.length < wanted) {
      const res: Main.Bf3UploadContinueResponse = {
        continue: true,
        reconnect: false,
        reqDataAdr: u.data.length,
        reqDataLen: Math.min(block, wanted - u.data.length),
      };
      if ('total' in probe && !u.estimated) {
        u.estimated = true;
        res.estimation = { estimatedNumberOfBytes: probe.total - u.data.length, estimatedTimeOverheadMs: 1000 };
      }
      return res;
    }
    upload = undefined;
    const status = applyBec2(reader, u.data);
    if (status !== 0) throw new StatusReply(status);
    await reader.commit();
    // Done: the new configuration runs after a restart, so the host must reconnect.
    return { reboot: true, response: { continue: false, reconnect: true, reqDataAdr: 0, reqDataLen: 0 } };
  });
}

/** Checks a complete BEC2 against every rule of the reader and applies it (the caller commits it to disk). Returns 0 or a Main status. */
export function applyBec2(reader: VirtualReader, binary: Uint8Array): number {
  const { state } = reader;
  let image;
  try {
    image = parseBec2Binary(binary);
  } catch {
    return MAIN_STATUS.ErrInvalidFormat;
  }
  if (!hasAuthBlock(image, 'init-cust-key')) return MAIN_STATUS.ErrInvalidCustomerKey;

  let sessionKey: Uint8Array;
  let embeddedCustomerKey: Uint8Array;
  try {
    const opened = openBec2InitCustKey(image, fromHex(state.factory.cryptoKey));
    sessionKey = opened.sessionKey;
    embeddedCustomerKey = opened.customerKey;
  } catch {
    // Sealed under another internal key, or damaged: either way not for this reader.
    return MAIN_STATUS.ErrInvalidCustomerKey;
  }
  // A reader with the default key accepts files finalized with any customer key; a custom key only its own.
  const ownKey = fromHex(state.factory.customerKey);
  const isDefault = bytesEqual(ownKey, fromHex(DEFAULT_CUSTOMER_KEY));
  if (!isDefault && !bytesEqual(ownKey, embeddedCustomerKey)) return fail(MAIN_STATUS.ErrInvalidCustomerKey);

  const currentCsc = new ConfigStore(state.config).get(0x0202, 0x82);
  let version: number | null = null;
  if (currentCsc) {
    if (!hasAuthBlock(image, 'update')) return fail(MAIN_STATUS.ErrInvalidConfigSecurityCode);
    try {
      const upd = openBec2Update(image, currentCsc);
      if (!bytesEqual(upd.sessionKey, sessionKey)) return fail(MAIN_STATUS.ErrInvalidFormat);
      version = upd.version;
    } catch {
      return fail(MAIN_STATUS.ErrInvalidConfigSecurityCode);
    }
    if (state.storedVersion !== null && version < state.storedVersion) return fail(MAIN_STATUS.ErrInvalidConfigVersion);
  }

  let ops: ConfigOp[] | null;
  try {
    ops = readBec2Configuration(image, sessionKey);
  } catch (err) {
    return fail(err instanceof Bec2FormatError && err.reason === 'mac' ? MAIN_STATUS.ErrInvalidCmac : MAIN_STATUS.ErrInvalidFormat);
  }
  if (!ops) return fail(MAIN_STATUS.ErrInvalidFormat);

  // The file carries the whole configuration: the reader runs exactly it afterwards.
  const next: Record<string, string> = {};
  const store = new ConfigStore(next);
  for (const op of ops) {
    if (op.value === null) store.deleteMatching(op.key, 0xff);
    else if (op.content === null) store.delete(op.key, op.value);
    else store.set(op.key, op.value, op.content);
  }
  const newCsc = store.get(0x0202, 0x82);
  if (version === null && newCsc && hasAuthBlock(image, 'update')) {
    try {
      version = openBec2Update(image, newCsc).version;
    } catch {
      return fail(MAIN_STATUS.ErrInvalidConfigSecurityCode);
    }
  }
  if (version === null) {
    const v = store.get(0x0620, 0x07);
    version = v && v.length > 0 ? v[v.length - 1]! : null;
  }
  wipe(sessionKey);
  state.config = next;
  state.storedVersion = newCsc ? version : null;
  return 0;

  function fail(status: number): number {
    wipe(sessionKey);
    return status;
  }
}
