// Main group (0xF0) entries for the BEC2/BF3 upload (brp.md 4.16). The reader drives the upload:
// it names the next block it wants, so the host follows reqDataAdr/reqDataLen every time.

import { defineCommand, EMPTY } from '../command.ts';

/** RequiredAction bits of Main.Bf3UploadContinue; 0xFC is reserved. */
export const REQUIRED_ACTION = { Continue: 0x01, Reconnect: 0x02 } as const;
/** AdditionalFields bits: which optional fields follow, in the SDK's order (retry timeout, then estimation). */
export const ADDITIONAL_FIELDS = { ContainsReconnectRetryTimeout: 0x01, ContainsEstimation: 0x02 } as const;

export interface Bf3BlockRequest {
  reqDataAdr: number;
  /** 0 means the reader is busy: send an empty block to the same address. */
  reqDataLen: number;
}

export const MainBf3UploadStart = defineCommand<void, Bf3BlockRequest>({
  name: 'Main.Bf3UploadStart',
  changesReader: true,
  code: 0xf010,
  timeoutMs: 100,
  request: EMPTY,
  response: {
    encode: (v, w) => w.u32(v.reqDataAdr, 'ReqDataAdr').u16(v.reqDataLen, 'ReqDataLen'),
    decode: (r) => ({ reqDataAdr: r.u32('ReqDataAdr'), reqDataLen: r.u16('ReqDataLen') }),
  },
});

export interface Bf3UploadContinueRequest {
  /** Must equal the address the reader asked for last. */
  dataAdr: number;
  data: Uint8Array;
}

/** RequiredAction's reserved bits (0xFC) are ignored when reading. */
export interface Bf3UploadContinueResponse extends Bf3BlockRequest {
  /** Close and reopen the link, then go on with the requested block. */
  reconnect: boolean;
  /** false (with reconnect false) means the upload is complete. */
  continue: boolean;
  /** Extra time to keep retrying the reconnect, in ms. */
  reconnectRetryTimeoutMs?: number;
  /** Sent once, as soon as the reader can estimate the rest of the upload. */
  estimation?: { estimatedNumberOfBytes: number; estimatedTimeOverheadMs: number };
}

export const MainBf3UploadContinue = defineCommand<Bf3UploadContinueRequest, Bf3UploadContinueResponse>({
  name: 'Main.Bf3UploadContinue',
  changesReader: true,
  code: 0xf011,
  timeoutMs: 1000,
  request: {
    encode: (v, w) => w.u32(v.dataAdr, 'DataAdr').lenBytes16(v.data, 'Data'),
    decode: (r) => ({ dataAdr: r.u32('DataAdr'), data: r.lenBytes16('Data') }),
  },
  response: {
    encode: (v, w) => {
      let action = 0;
      if (v.continue) action |= REQUIRED_ACTION.Continue;
      if (v.reconnect) action |= REQUIRED_ACTION.Reconnect;
      let additional = 0;
      if (v.reconnectRetryTimeoutMs !== undefined) additional |= ADDITIONAL_FIELDS.ContainsReconnectRetryTimeout;
      if (v.estimation) additional |= ADDITIONAL_FIELDS.ContainsEstimation;
      w.u8(action, 'RequiredAction').u32(v.reqDataAdr, 'ReqDataAdr').u16(v.reqDataLen, 'ReqDataLen').u8(additional, 'AdditionalFields');
      if (v.reconnectRetryTimeoutMs !== undefined) w.u32(v.reconnectRetryTimeoutMs, 'ReconnectRetryTimeout');
      if (v.estimation) {
        w.u32(v.estimation.estimatedNumberOfBytes, 'EstimatedNumberOfBytes');
        w.u32(v.estimation.estimatedTimeOverheadMs, 'EstimatedTimeOverhead');
      }
    },
    decode: (r) => {
      const requiredAction = r.u8('RequiredAction');
      const res: Bf3UploadContinueResponse = {
        reconnect: (requiredAction & REQUIRED_ACTION.Reconnect) !== 0,
        continue: (requiredAction & REQUIRED_ACTION.Continue) !== 0,
        reqDataAdr: r.u32('ReqDataAdr'),
        reqDataLen: r.u16('ReqDataLen'),
      };
      const additional = r.u8('AdditionalFields');
      if (additional & ADDITIONAL_FIELDS.ContainsReconnectRetryTimeout) {
        res.reconnectRetryTimeoutMs = r.u32('ReconnectRetryTimeout');
      }
      if (additional & ADDITIONAL_FIELDS.ContainsEstimation) {
        res.estimation = {
          estimatedNumberOfBytes: r.u32('EstimatedNumberOfBytes'),
          estimatedTimeOverheadMs: r.u32('EstimatedTimeOverhead'),
        };
      }
      return res;
    },
  },
  describeRequest: (req) => `${req.data.length} bytes at 0x${req.dataAdr.toString(16).toUpperCase()}`,
});
