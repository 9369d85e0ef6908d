import type { HostText } from '../../../shared/errors/hostText.ts';

// Every frame that crosses a session is offered to the frame log (UI "Frame log", diagnostics bundle).

export interface FrameLogEntry {
  time: number;
  direction: 'out' | 'in';
  address: string;
  bytes: Uint8Array;
  /** Set when the frame could not be used (bad checksum, garbage, dropped partial frame): a catalogue clause. */
  problem?: HostText;
}

export type FrameLogSink = (entry: FrameLogEntry) => void;
