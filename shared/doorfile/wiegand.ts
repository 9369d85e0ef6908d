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

const TWO_32 = 2 ** 32;

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** A parity bit as masks over the frame held as two 32-bit halves (bit 0 = last transmitted bit). */
interface ParityMask {
  high: number;
  low: number;
  /** The parity bit itself, as a mask over the same halves. */
  bitHigh: number;
  bitLow: number;
  even: boolean;
}

/** The layouts above as shifts and masks, worked out once from the same definitions. */
const FRAME_LAYOUTS = new Map(
  Object.values(WIEGAND_FORMATS).map((f) => {
    const halves = (positions: number[]) => {
      let high = 0;
      let low = 0;
      for (const pos of positions) {
        const bit = f.bits - pos;
        if (bit >= 32) high |= 1 << (bit - 32);
        else low |= 1 << bit;
      }
      return [high >>> 0, low >>> 0] as const;
    };
    const parity: ParityMask[] = f.parity.map((p) => {
      const covered: number[] = [];
      for (let pos = 1; pos <= f.bits; pos++) if (pos !== p.at && p.covers(pos)) covered.push(pos);
      const [high, low] = halves(covered);
      const [bitHigh, bitLow] = halves([p.at]);
      return { high, low, bitHigh, bitLow, even: p.kind === 'even' };
    });
    // A field's least significant bit sits at position from + width - 1.
    const scale = (field: Field) => 2 ** (f.bits - (field.from + field.width - 1));
    return [f.id, { facilityScale: f.facility ? scale(f.facility) : 0, cardScale: scale(f.card), parity }] as const;
  }),
);

/**
 * The full frame as a number (at most 37 bits, well inside a double's exact integers) for values
 * the caller has already checked against the format's ranges. Shifts and masks, no bit arrays:
 * a million cards are encoded per large door file.
 */
export function wiegandFrame(id: WiegandFormatId, facility: number | null, card: number): number {
  const layout = FRAME_LAYOUTS.get(id)!;
  const v = card * layout.cardScale + (facility ?? 0) * layout.facilityScale;
  let high = Math.floor(v / TWO_32);
  let low = v >>> 0;
  // In definition order, so a bit may cover parity bits set before it.
  for (const p of layout.parity) {
    const odd = (popcount32(high & p.high) + popcount32(low & p.low)) & 1;
    if ((p.even ? odd : odd ^ 1) === 1) {
      high = (high | p.bitHigh) >>> 0;
      low = (low | p.bitLow) >>> 0;
    }
  }
  return high * TWO_32 + low;
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
  if (f.facility) check('facility code', f.facility, facility ?? 0);
  else if (facility !== null && facility !== 0) throw new RangeError(`${id} has no facility code`);
  check('card number', f.card, card);
  return { value: BigInt(wiegandFrame(id, facility, card)), bitCount: f.bits };
}
