// Reading and writing command payloads (big-endian, brp.md 0) with errors that name the command
// and the field, so a short or long answer from a reader can be explained.

import { concatBytes } from '../bytes.ts';
import { BrpFrameError } from './errors.ts';
import { hostText } from '../errors/hostError.ts';
import type { HostParam } from '../errors/hostText.ts';

/** A field of a payload in errors: its BRP name, or a clause such as "the length of KeyValue". */
export type FieldName = HostParam;

function lengthOf(field: FieldName): FieldName {
  return hostText('brp.field.length-of', { field });
}

export class PayloadReader {
  private pos = 0;

  /** `what` names the payload in errors, e.g. "the answer to Sys.GetInfo" (brp.payload.answer). */
  constructor(
    private readonly data: Uint8Array,
    private readonly what: HostParam,
  ) {}

  get remaining(): number {
    return this.data.length - this.pos;
  }

  private take(n: number, field: FieldName): Uint8Array {
    if (this.remaining < n) {
      const params = { what: this.what, field, bytes: n, offset: this.pos, length: this.data.length };
      throw new BrpFrameError(n === 1 ? hostText('brp.why.payload-short-one', params) : hostText('brp.why.payload-short-many', params));
    }
    const out = this.data.slice(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  u8(field: FieldName): number {
    return this.take(1, field)[0]!;
  }

  u16(field: FieldName): number {
    const b = this.take(2, field);
    return (b[0]! << 8) | b[1]!;
  }

  u32(field: FieldName): number {
    const b = this.take(4, field);
    return ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;
  }

  bool(field: FieldName): boolean {
    return this.u8(field) !== 0;
  }

  bytes(n: number, field: FieldName): Uint8Array {
    return this.take(n, field);
  }

  /** Bytes preceded by a 1-byte length. */
  lenBytes8(field: FieldName): Uint8Array {
    return this.take(this.u8(lengthOf(field)), field);
  }

  /** Bytes preceded by a 2-byte length. */
  lenBytes16(field: FieldName): Uint8Array {
    return this.take(this.u16(lengthOf(field)), field);
  }

  rest(): Uint8Array {
    return this.take(this.remaining, hostText('brp.field.rest', {}));
  }

  /** Call after the last field: a longer payload means the layouts disagree. */
  end(): void {
    if (this.remaining > 0) {
      const params = { what: this.what, extra: this.remaining, offset: this.pos };
      throw new BrpFrameError(this.remaining === 1 ? hostText('brp.why.payload-long-one', params) : hostText('brp.why.payload-long-many', params));
    }
  }
}

export class PayloadWriter {
  private readonly parts: Uint8Array[] = [];

  /** `what` names the payload in errors, e.g. "the Sys.CfgSetValue request" (brp.payload.request). */
  constructor(private readonly what: HostParam) {}

  private check(value: number, max: number, field: FieldName): void {
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new BrpFrameError(hostText('brp.why.not-whole-number', { what: this.what, field, max, value: String(value) }));
    }
  }

  u8(value: number, field: FieldName): this {
    this.check(value, 0xff, field);
    this.parts.push(Uint8Array.of(value));
    return this;
  }

  u16(value: number, field: FieldName): this {
    this.check(value, 0xffff, field);
    this.parts.push(Uint8Array.of(value >> 8, value & 0xff));
    return this;
  }

  u32(value: number, field: FieldName): this {
    this.check(value, 0xffffffff, field);
    this.parts.push(Uint8Array.of(value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff));
    return this;
  }

  bool(value: boolean): this {
    this.parts.push(Uint8Array.of(value ? 1 : 0));
    return this;
  }

  bytes(value: Uint8Array, field: FieldName, exactLength?: number): this {
    if (exactLength !== undefined && value.length !== exactLength) {
      throw new BrpFrameError(hostText('brp.why.wrong-length', { what: this.what, field, length: exactLength, actual: value.length }));
    }
    this.parts.push(value.slice());
    return this;
  }

  lenBytes8(value: Uint8Array, field: FieldName, max = 0xff): this {
    if (value.length > max) {
      throw new BrpFrameError(hostText('brp.why.field-too-long', { what: this.what, field, max, actual: value.length }));
    }
    return this.u8(value.length, lengthOf(field)).bytes(value, field);
  }

  lenBytes16(value: Uint8Array, field: FieldName): this {
    if (value.length > 0xffff) {
      throw new BrpFrameError(hostText('brp.why.field-too-long', { what: this.what, field, max: 65535, actual: value.length }));
    }
    return this.u16(value.length, lengthOf(field)).bytes(value, field);
  }

  build(): Uint8Array {
    return concatBytes(...this.parts);
  }
}
