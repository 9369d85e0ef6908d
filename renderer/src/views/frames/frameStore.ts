import type { FrameRecord } from '../../../../shared/api/contract.ts';

// The frame log page's memory: the newest 100,000 frames in a ring, and the frames a filter lets
// through, kept up to date one new frame at a time. Neither grows past the ring, and no update
// walks the whole log, so a deploy to a fleet streams into the page without long tasks.

/** How many frames the page keeps. */
export const KEEP_FRAMES = 100_000;

/** Frames by a running number: `first` is the oldest still kept, `end` one past the newest. */
export interface FrameSource {
  readonly first: number;
  readonly end: number;
  get(n: number): FrameRecord;
}

export class FrameStore implements FrameSource {
  private readonly ring: (FrameRecord | undefined)[];
  private total = 0;
  private readonly perAddress = new Map<string, number>();

  constructor(readonly capacity = KEEP_FRAMES) {
    this.ring = new Array<FrameRecord | undefined>(capacity);
  }

  get first(): number {
    return Math.max(0, this.total - this.capacity);
  }

  get end(): number {
    return this.total;
  }

  get size(): number {
    return this.end - this.first;
  }

  get(n: number): FrameRecord {
    return this.ring[n % this.capacity]!;
  }

  /** The newest frame's sequence number, 0 when there is none. */
  get lastSeq(): number {
    return this.total === 0 ? 0 : this.get(this.total - 1).seq;
  }

  add(frames: readonly FrameRecord[]): void {
    for (const f of frames) {
      const slot = this.total % this.capacity;
      const evicted = this.ring[slot];
      if (evicted) {
        const left = (this.perAddress.get(evicted.address) ?? 1) - 1;
        if (left === 0) this.perAddress.delete(evicted.address);
        else this.perAddress.set(evicted.address, left);
      }
      this.ring[slot] = f;
      this.perAddress.set(f.address, (this.perAddress.get(f.address) ?? 0) + 1);
      this.total++;
    }
  }

  /** Readers that have frames in the log, sorted. */
  addresses(): string[] {
    return [...this.perAddress.keys()].sort();
  }

  /** A copy that does not change any more (the page's Pause). */
  freeze(): FrameSource {
    const frames: FrameRecord[] = [];
    for (let n = this.first; n < this.end; n++) frames.push(this.get(n));
    return { first: 0, end: frames.length, get: (n) => frames[n]! };
  }
}

export interface FrameFilter {
  reader: string;
  direction: '' | 'out' | 'in';
  text: string;
  hidePolling: boolean;
}

export function frameFilter(f: FrameFilter): (frame: FrameRecord) => boolean {
  const needle = f.text.trim().toLowerCase().replace(/\s+/g, ' ');
  const hexNeedle = needle.replace(/\s/g, '');
  return (frame) =>
    (!f.reader || frame.address === f.reader) &&
    (!f.direction || frame.direction === f.direction) &&
    (!f.hidePolling || !frame.summary.startsWith('AR.GetMessage')) &&
    (!needle ||
      frame.summary.toLowerCase().includes(needle) ||
      (frame.problem ?? '').toLowerCase().includes(needle) ||
      (hexNeedle !== '' && frame.hex.toLowerCase().includes(hexNeedle)));
}

/**
 * The frames of a source that a filter lets through, oldest first. `update()` looks only at frames
 * added since the last call and forgets matches the source no longer keeps.
 */
export class FrameMatches {
  private positions: number[] = [];
  private start = 0;
  private scanned: number;

  constructor(private readonly source: FrameSource, private readonly accept: (frame: FrameRecord) => boolean) {
    this.scanned = source.first;
    this.update();
  }

  update(): void {
    const { first, end } = this.source;
    for (let n = Math.max(this.scanned, first); n < end; n++) if (this.accept(this.source.get(n))) this.positions.push(n);
    this.scanned = end;
    while (this.start < this.positions.length && this.positions[this.start]! < first) this.start++;
    // Drop forgotten positions now and then, not on every frame.
    if (this.start > 4096 && this.start * 2 > this.positions.length) {
      this.positions = this.positions.slice(this.start);
      this.start = 0;
    }
  }

  get length(): number {
    return this.positions.length - this.start;
  }

  /** The i-th newest match (0 = the newest). */
  newest(i: number): FrameRecord {
    return this.source.get(this.positions[this.positions.length - 1 - i]!);
  }
}
