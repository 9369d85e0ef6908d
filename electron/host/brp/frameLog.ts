// Every frame that crosses a session is offered to the frame log (UI "Frame log", diagnostics bundle).

export interface FrameLogEntry {
  time: number;
  direction: 'out' | 'in';
  address: string;
  bytes: Uint8Array;
  /** Set when the frame could not be used (bad checksum, garbage, dropped partial frame). */
  problem?: string;
}

export type FrameLogSink = (entry: FrameLogEntry) => void;
