import { toHex } from '../../../shared/bytes.ts';
import type { FrameRecord } from '../../../shared/api/contract.ts';
import { explainFrame } from '../../../shared/brp/explain.ts';
import type { FrameLogEntry } from '../brp/frameLog.ts';
import { redactFrameHex } from './redact.ts';

/**
 * The last frames of every session, for the frame log and the diagnostics bundle. Frames that
 * carry key material are redacted before they are stored, so nothing later can leak them.
 */
export class FrameJournal {
  private readonly records: FrameRecord[] = [];
  private seq = 0;

  constructor(private readonly capacity = 5000, private readonly onRecord?: (r: FrameRecord) => void) {}

  add(entry: FrameLogEntry): void {
    const hex = redactFrameHex(entry.bytes, entry.direction);
    let summary: string;
    try {
      const ex = explainFrame(entry.bytes, entry.direction === 'out' ? 'command' : 'response');
      summary = ex.fields.find((f) => f.name === 'CmdCode')?.meaning ?? ex.direction;
      if (ex.fields.some((f) => f.name === 'Status')) summary += ` → ${ex.fields.find((f) => f.name === 'Status')!.meaning}`;
    } catch {
      summary = 'unreadable';
    }
    const record: FrameRecord = {
      seq: ++this.seq,
      time: entry.time,
      direction: entry.direction,
      address: entry.address,
      hex,
      summary,
      ...(entry.problem ? { problem: entry.problem } : {}),
    };
    this.records.push(record);
    if (this.records.length > this.capacity) this.records.splice(0, this.records.length - this.capacity);
    this.onRecord?.(record);
  }

  list(limit = this.capacity): FrameRecord[] {
    return this.records.slice(-limit);
  }

  static hex(bytes: Uint8Array): string {
    return toHex(bytes);
  }
}
