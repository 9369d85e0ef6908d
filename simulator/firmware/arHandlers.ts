import * as AR from '../../shared/brp/commands/ar.ts';
import { AR_STATUS } from '../../shared/brp/status.ts';
import { StatusReply, type VirtualReader } from './virtualReader.ts';
import type { MessageBuffer } from './alarmMessages.ts';

export function registerArHandlers(reader: VirtualReader, messages: MessageBuffer): void {
  reader.on(AR.ARGetMessage, () => {
    if (!reader.autoreadEnabled) throw new StatusReply(AR_STATUS.ErrArDisabled);
    const m = messages.take();
    if (!m) throw new StatusReply(AR_STATUS.ErrNoMessage);
    return { msgType: m.type, msgData: m.data };
  });
  reader.on(AR.ARSetMode, (req) => {
    // This reader's Autoread has no rules to depend on: EnableIfDefinedRules and EnableOnce enable it.
    reader.autoreadEnabled = req.mode !== AR.AR_MODE.Disabled;
    messages.clear();
    return undefined;
  });
  reader.onReboot(() => messages.clear());
}

/** What the tamper switch does when the housing opens: the default OnSetTamperAlarm action (brp.md 4.21). */
export function raiseTamperAlarm(messages: MessageBuffer): void {
  messages.push(AR.AR_MSG_TYPE.AlarmOn);
}

export function clearTamperAlarm(messages: MessageBuffer): void {
  messages.push(AR.AR_MSG_TYPE.AlarmOff);
}
