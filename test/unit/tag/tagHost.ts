// Test helper: runs host plans against a simulated tag the way a reader would, write by write.

import type { MemoryWrite } from '../../../shared/tag/hostProtocol.ts';
import { parsePublicInfo, planCounterUpdate, planReadPublicInfo } from '../../../shared/tag/hostProtocol.ts';
import type { WirelessMemoryTag } from '../../../simulator/tag/wirelessMemoryTag.ts';

export function run(tag: WirelessMemoryTag, writes: readonly MemoryWrite[]): void {
  for (const w of writes) tag.write(w.addr, w.data);
}

export function publicInfo(tag: WirelessMemoryTag) {
  const r = planReadPublicInfo();
  return parsePublicInfo(tag.read(r.addr, r.length));
}

/** Reads the counter, advances it and returns the value the next PIN register write must use. */
export function freshCounter(tag: WirelessMemoryTag): bigint {
  const update = planCounterUpdate(publicInfo(tag).counter);
  run(tag, update.writes);
  return update.counter;
}

/** Runs `fn` and returns the refusal it throws (fails the test if it does not throw). */
export function refusal(fn: () => unknown): { reason: string; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as { reason?: string; message: string };
    return { reason: err.reason ?? 'not a TagRefusal', message: err.message };
  }
  throw new Error('expected the tag to refuse, but it accepted');
}
