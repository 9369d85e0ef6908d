// AR.GetMessage delivers tamper alarms as messages that the reader buffers for 5 seconds
// (brp.md 4.21); a host must poll at least that often. Message types: AR_MSG_TYPE (shared/brp).

const BUFFER_MS = 5000;

export interface ReaderMessage {
  type: number;
  data: Uint8Array;
  at: number;
}

export class MessageBuffer {
  private messages: ReaderMessage[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  push(type: number, data: Uint8Array = new Uint8Array(0)): void {
    this.messages.push({ type, data, at: this.now() });
  }

  /** The oldest message still within its buffer time, removed from the buffer. */
  take(): ReaderMessage | undefined {
    const limit = this.now() - BUFFER_MS;
    this.messages = this.messages.filter((m) => m.at >= limit);
    return this.messages.shift();
  }

  clear(): void {
    this.messages = [];
  }
}
