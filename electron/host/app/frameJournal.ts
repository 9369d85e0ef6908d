import { toHex } from '../../../shared/bytes.ts';
import type { FrameRecord } from '../../../shared/api/contract.ts';
import { frameSummary, type FrameSummary } from '../../../shared/brp/explain.ts';
import { englishText } from '../../../shared/errors/hostError.ts';
import type { FrameLogEntry } from '../brp/frameLog.ts';
import { redactFrameHex } from './redact.ts';

/**
 * The last frames of every session, for the frame log and the diagnostics bundle. Frames that
 * carry key material are redacted before they are stored, so nothing later can leak them. A ring
 * of `capacity` records: adding one costs the same however full the journal is.
 */
export class FrameJournal {
  private readonly records: (FrameRecord | undefined)[];
  private next = 0;
  private seq = 0;

  constructor(private readonly capacity = 5000, private readonly onRecord?: (r: FrameRecord) => void) {
    this.records = new Array<FrameRecord | undefined>(capacity);
  }

  add(entry: FrameLogEntry): void {
    const hex = redactFrameHex(entry.bytes, entry.direction);
    let summary: FrameSummary;
    try {
      summary = frameSummary(entry.bytes, entry.direction === 'out' ? 'command' : 'response');
    } catch {
      summary = { summary: 'unreadable' };
    }
    const record: FrameRecord = {
      seq: ++this.seq,
      time: entry.time,
      direction: entry.direction,
      address: entry.address,
      hex,
      summary: summary.summary,
      ...(summary.text ? { summaryText: summary.text } : {}),
      ...(entry.problem ? { problem: englishText(entry.problem), problemText: entry.problem } : {}),
    };
    this.records[this.next] = record;
    this.next = (this.next + 1) % this.capacity;
    this.onRecord?.(record);
  }

  /** The last `limit` frames, oldest first. */
  list(limit = this.capacity): FrameRecord[] {
    const n = Math.min(Math.max(0, Math.floor(limit)), this.capacity, this.seq);
    const out: FrameRecord[] = [];
    for (let i = n; i > 0; i--) out.push(this.records[(this.next - i + this.capacity) % this.capacity]!);
    return out;
  }

  static hex(bytes: Uint8Array): string {
    return toHex(bytes);
  }
}
