// Wiegand card formats as bit layouts (domain.md, Part A'). Bit 1 is the first transmitted bit and
// becomes the most significant bit of the frame value. Parity bits are part of the credential.

export type WiegandFormatId = 'h10301' | 'c1000-35' | 'h10304' | 'h10302';

interface Field {
  /** 1-based position of the field's most significant bit. */
  from: number;
  width: number;
}

interface ParityBit {
  at: number;
  kind: 'even' | 'odd';
  covers: (position: number) => boolean;
}

export interface WiegandFormat {
  id: WiegandFormatId;
  title: string;
  bits: number;
  facility: Field | null;
  card: Field;
  /** Computed in this order, so a bit may cover parity bits computed before it. */
  parity: ParityBit[];
}

const between = (lo: number, hi: number) => (p: number) => p >= lo && p <= hi;

export const WIEGAND_FORMATS: Readonly<Record<WiegandFormatId, WiegandFormat>> = {
  h10301: {
    id: 'h10301',
    title: 'HID H10301 26-bit',
    bits: 26,
    facility: { from: 2, width: 8 },
    card: { from: 10, width: 16 },
    parity: [
      { at: 1, kind: 'even', covers: between(2, 13) },
      { at: 26, kind: 'odd', covers: between(14, 25) },
    ],
  },
  'c1000-35': {
    id: 'c1000-35',
    title: 'HID Corporate 1000 35-bit',
    bits: 35,
    facility: { from: 3, width: 12 },
    card: { from: 15, width: 20 },
    parity: [
      // Every third bit is left out, offset differently for the two interleaved checks.
      { at: 2, kind: 'even', covers: (p) => p >= 3 && p <= 34 && p % 3 !== 2 },
      { at: 35, kind: 'odd', covers: (p) => p >= 2 && p <= 33 && p % 3 !== 1 },
      { at: 1, kind: 'odd', covers: between(2, 35) },
    ],
  },
  h10304: {
    id: 'h10304',
    title: 'HID H10304 37-bit with facility code',
    bits: 37,
    facility: { from: 2, width: 16 },
    card: { from: 18, width: 19 },
    parity: [
      { at: 1, kind: 'even', covers: between(2, 19) },
      { at: 37, kind: 'odd', covers: between(19, 36) },
    ],
  },
  h10302: {
    id: 'h10302',
    title: 'HID H10302 37-bit card number only',
    bits: 37,
    facility: null,
    card: { from: 2, width: 35 },
    parity: [
      { at: 1, kind: 'even', covers: between(2, 19) },
      { at: 37, kind: 'odd', covers: between(19, 36) },
    ],
  },
};

export function isWiegandFormat(id: string): id is WiegandFormatId {
  return Object.hasOwn(WIEGAND_FORMATS, id);
}

export function fieldMax(field: Field): number {
  return 2 ** field.width - 1;
}

function place(bits: Uint8Array, field: Field, value: number): void {
  let v = value;
  for (let i = field.width - 1; i >= 0; i--) {
    bits[field.from + i] = v % 2;
    v = Math.floor(v / 2);
  }
}

/**
 * The full frame as a number. Throws a RangeError naming the allowed range when a value does not
 * fit; callers that know the CSV line check ranges first and report them themselves.
 */
export function encodeWiegand(id: WiegandFormatId, facility: number | null, card: number): { value: bigint; bitCount: number } {
  const f = WIEGAND_FORMATS[id];
  const check = (what: string, field: Field, v: number) => {
    if (!Number.isInteger(v) || v < 0 || v > fieldMax(field)) {
      throw new RangeError(`${what} ${v} is outside 0 to ${fieldMax(field)} for ${id}`);
    }
  };
  const bits = new Uint8Array(f.bits + 1); // index = 1-based position
  if (f.facility) {
    check('facility code', f.facility, facility ?? 0);
    place(bits, f.facility, facility ?? 0);
  } else if (facility !== null && facility !== 0) {
    throw new RangeError(`${id} has no facility code`);
  }
  check('card number', f.card, card);
  place(bits, f.card, card);
  for (const p of f.parity) {
    let ones = 0;
    for (let pos = 1; pos <= f.bits; pos++) if (pos !== p.at && p.covers(pos)) ones += bits[pos]!;
    bits[p.at] = p.kind === 'even' ? ones & 1 : (ones & 1) ^ 1;
  }
  // Every format here has at most 37 bits, well inside a double's exact integers.
  let value = 0;
  for (let pos = 1; pos <= f.bits; pos++) value = value * 2 + bits[pos]!;
  return { value: BigInt(value), bitCount: f.bits };
}
