import type { PortLostReason } from '../../../shared/brp/errors.ts';

// One face for every link to a reader (Betaflight's serial.js shape): the session only ever sees this.

export type Unsubscribe = () => void;

export interface Transport {
  /** Human-readable address: a serial path or tcp://host:port. */
  readonly address: string;
  open(): Promise<void>;
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  readonly isOpen: boolean;
  /**
   * Added to every command timeout for links with a network round trip: BALTECH's host library adds
   * 1,500 ms over TCP (BRP_DEFAULT_TCPIP_ROUNDTRIP_TIMEOUT). Absent means none.
   */
  readonly roundTripMarginMs?: number;
  /** The longest frame the link itself can carry (USB HID reports); the transport refuses longer ones. Absent means no limit. */
  readonly maxFrameBytes?: number;
  /** The line speed of a serial link in bits per second; absent where the link has none (TCP, USB HID). */
  readonly baudRate?: number;
  /**
   * Changes the local port's line speed at once (after Sys.SetCommParam). Only links with a line
   * speed have it; whatever is in flight at that moment is garbled, so call it between frames.
   */
  setBaudRate?(baud: number): Promise<void>;
  onData(listener: (bytes: Uint8Array) => void): Unsubscribe;
  /** Fires once when the link goes away without close() being called (cable pulled, reader rebooted), with why. */
  onLost(listener: (reason: PortLostReason) => void): Unsubscribe;
}

/** The listener set the transports use; it lives in shared/ because the simulator's links use it too. */
export { Listeners } from '../../../shared/listeners.ts';
