// Reading and writing command payloads (big-endian, brp.md 0) with errors that name the command
// and the field, so a short or long answer from a reader can be explained.

import { concatBytes } from '../bytes.ts';
import { BrpFrameError } from './errors.ts';

export class PayloadReader {
  private pos = 0;

  /** `what` names the payload in errors, e.g. "the answer to Sys.GetInfo". */
  constructor(
    private readonly data: Uint8Array,
    private readonly what: string,
  ) {}

  get remaining(): number {
    return this.data.length - this.pos;
  }

  private take(n: number, field: string): Uint8Array {
    if (this.remaining < n) {
      throw new BrpFrameError(
        `${this.what} is too short: ${field} needs ${n} byte${n === 1 ? '' : 's'} at offset ${this.pos}, but the payload has only ${this.data.length}`,
      );
    }
    const out = this.data.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  u8(field: string): number {
    return this.take(1, field)[0]!;
  }

  u16(field: string): number {
    const b = this.take(2, field);
    return (b[0]! << 8) | b[1]!;
  }

  u32(field: string): number {
    const b = this.take(4, field);
    return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  }

  bool(field: string): boolean {
    return this.u8(field) !== 0;
  }

  bytes(n: number, field: string): Uint8Array {
    return this.take(n, field);
  }

  /** Bytes preceded by a 1-byte length. */
  lenBytes8(field: string): Uint8Array {
    return this.take(this.u8(`the length of ${field}`), field);
  }

  /** Bytes preceded by a 2-byte length. */
  lenBytes16(field: string): Uint8Array {
    return this.take(this.u16(`the length of ${field}`), field);
  }

  rest(): Uint8Array {
    return this.take(this.remaining, 'the rest');
  }

  /** Call after the last field: a longer payload means the layouts disagree. */
  end(): void {
    if (this.remaining > 0) {
      throw new BrpFrameError(
        `${this.what} is too long: ${this.remaining} unexpected byte${this.remaining === 1 ? '' : 's'} follow the last field at offset ${this.pos}`,
      );
    }
  }
}

export class PayloadWriter {
  private readonly parts: Uint8Array[] = [];

  /** `what` names the payload in errors, e.g. "the Sys.CfgSetValue request". */
  constructor(private readonly what: string) {}

  private check(value: number, max: number, field: string): void {
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new BrpFrameError(`${this.what} cannot be built: ${field} must be a whole number from 0 to ${max}, not ${value}`);
    }
  }

  u8(value: number, field: string): this {
    this.check(value, 0xff, field);
    this.parts.push(Uint8Array.of(value));
    return this;
  }

  u16(value: number, field: string): this {
    this.check(value, 0xffff, field);
    this.parts.push(Uint8Array.of(value >> 8, value & 0xff));
    return this;
  }

  u32(value: number, field: string): this {
    this.check(value, 0xffffffff, field);
    this.parts.push(Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff));
    return this;
  }

  bool(value: boolean): this {
    this.parts.push(Uint8Array.of(value ? 1 : 0));
    return this;
  }

  bytes(value: Uint8Array, field: string, exactLength?: number): this {
    if (exactLength !== undefined && value.length !== exactLength) {
      throw new BrpFrameError(`${this.what} cannot be built: ${field} must be ${exactLength} bytes long, not ${value.length}`);
    }
    this.parts.push(value.slice());
    return this;
  }

  lenBytes8(value: Uint8Array, field: string, max = 0xff): this {
    if (value.length > max) {
      throw new BrpFrameError(`${this.what} cannot be built: ${field} may be at most ${max} bytes long, not ${value.length}`);
    }
    return this.u8(value.length, `the length of ${field}`).bytes(value, field);
  }

  lenBytes16(value: Uint8Array, field: string): this {
    if (value.length > 0xffff) {
      throw new BrpFrameError(`${this.what} cannot be built: ${field} may be at most 65535 bytes long, not ${value.length}`);
    }
    return this.u16(value.length, `the length of ${field}`).bytes(value, field);
  }

  build(): Uint8Array {
    return concatBytes(...this.parts);
  }
}
