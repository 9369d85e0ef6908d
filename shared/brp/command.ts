// The shape of one entry in the typed command table. The host encodes requests and decodes
// responses; the virtual reader does the opposite with the same entry, so both sides share one layout.

import { PayloadReader, PayloadWriter } from './payload.ts';
import { hostText } from '../errors/hostError.ts';
import type { HostText } from '../errors/hostText.ts';

export { PayloadReader, PayloadWriter };

export interface BrpCommand<Req, Res> {
  /** Group and command as the docs write it, e.g. 'Sys.GetInfo'. */
  name: string;
  code: number;
  /** Documented time the reader may take to answer, without the wire time. */
  timeoutMs: number;
  encodeRequest(req: Req): Uint8Array;
  decodeRequest(payload: Uint8Array): Req;
  encodeResponse(res: Res): Uint8Array;
  decodeResponse(payload: Uint8Array): Res;
  /** A short human description of a request for logs; never includes key material. */
  describeRequest?(req: Req): string;
  /**
   * The command changes what the reader keeps (configuration memory, firmware state) or restarts it.
   * Reading a reader (info, connect, refresh, read back) must never send one (issue 9); tests check
   * every frame a read sends against this flag.
   */
  changesReader?: boolean;
}

/** Any table entry, for code that only looks at names, codes and timeouts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyBrpCommand = BrpCommand<any, any>;

/** Encoder and decoder of one payload direction. */
export interface PayloadCodec<T> {
  encode(value: T, w: PayloadWriter): void;
  decode(r: PayloadReader): T;
}

/** An empty payload: the value is `undefined`, and any byte in it is an error. */
export const EMPTY: PayloadCodec<void> = {
  encode: () => undefined,
  decode: () => undefined,
};

/**
 * Builds a table entry from two payload codecs, so every entry checks short and long payloads the
 * same way and names itself in the error.
 */
export function defineCommand<Req, Res>(spec: {
  name: string;
  code: number;
  timeoutMs: number;
  request: PayloadCodec<Req>;
  response: PayloadCodec<Res>;
  describeRequest?: (req: Req) => string;
  changesReader?: boolean;
}): BrpCommand<Req, Res> {
  const reqWhat = hostText('brp.payload.request', { command: spec.name });
  const resWhat = hostText('brp.payload.answer', { command: spec.name });
  const encode = <T>(codec: PayloadCodec<T>, value: T, what: HostText): Uint8Array => {
    const w = new PayloadWriter(what);
    codec.encode(value, w);
    return w.build();
  };
  const decode = <T>(codec: PayloadCodec<T>, payload: Uint8Array, what: HostText): T => {
    const r = new PayloadReader(payload, what);
    const value = codec.decode(r);
    r.end();
    return value;
  };
  const cmd: BrpCommand<Req, Res> = {
    name: spec.name,
    code: spec.code,
    timeoutMs: spec.timeoutMs,
    encodeRequest: (req) => encode(spec.request, req, reqWhat),
    decodeRequest: (payload) => decode(spec.request, payload, reqWhat),
    encodeResponse: (res) => encode(spec.response, res, resWhat),
    decodeResponse: (payload) => decode(spec.response, payload, resWhat),
  };
  if (spec.describeRequest) cmd.describeRequest = spec.describeRequest;
  if (spec.changesReader) cmd.changesReader = true;
  return cmd;
}
