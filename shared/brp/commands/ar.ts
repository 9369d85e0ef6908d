// Autoread group (0x05) entries (brp.md 4.21): ReaderDesk polls AR.GetMessage for tamper alarms.

import { defineCommand, EMPTY } from '../command.ts';

export const AR_MODE = { Disabled: 0x00, Enabled: 0x01, EnableOnce: 0x02, EnableIfDefinedRules: 0xff } as const;

export const AR_MSG_TYPE = {
  Card: 0x00,
  AlarmOn: 0x01,
  AlarmOff: 0x02,
  Keyboard: 0x03,
  CardRemoval: 0x04,
  FunctionKey: 0x05,
  Logs: 0x06,
} as const;

export function arMessageTypeName(msgType: number): string {
  const hit = Object.entries(AR_MSG_TYPE).find(([, v]) => v === msgType);
  return hit ? hit[0] : `MsgType 0x${msgType.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Also clears the reader's message buffer. */
export const ARSetMode = defineCommand<{ mode: number }, void>({
  name: 'AR.SetMode',
  code: 0x0500,
  timeoutMs: 1000,
  request: { encode: (v, w) => w.u8(v.mode, 'Mode'), decode: (r) => ({ mode: r.u8('Mode') }) },
  response: EMPTY,
  describeRequest: (req) => {
    const name = Object.entries(AR_MODE).find(([, v]) => v === req.mode)?.[0];
    return name ?? `mode ${req.mode}`;
  },
});

export interface ArMessage {
  msgType: number;
  msgData: Uint8Array;
}

/** Answers AR.ErrNoMessage when nothing arrived; messages stay buffered for 5 seconds. */
export const ARGetMessage = defineCommand<void, ArMessage>({
  name: 'AR.GetMessage',
  code: 0x0501,
  timeoutMs: 100,
  request: EMPTY,
  response: {
    encode: (v, w) => w.u8(v.msgType, 'MsgType').lenBytes8(v.msgData, 'MsgData'),
    decode: (r) => ({ msgType: r.u8('MsgType'), msgData: r.lenBytes8('MsgData') }),
  },
});
