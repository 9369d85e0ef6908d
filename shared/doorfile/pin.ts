// How a PIN becomes credential bits. The ENGAGE documents do not publish this, so ReaderDesk
// decides (docs/doorfile.md): each digit is one 4-bit BCD nibble, first digit first; an odd
// number of digits gets one 0xF filler nibble. The filler keeps "123" (123F) apart from "1230",
// which plain zero-bit justification would merge into the same credential.

export const PIN_MIN_DIGITS = 1;
/** 16 digits fill the 8 bytes the lock keeps per credential. */
export const PIN_MAX_DIGITS = 16;
/** Shorter PINs are accepted with a warning: they are easy to guess at the keypad. */
export const PIN_RECOMMENDED_DIGITS = 4;

export function isPinText(text: string): boolean {
  return /^[0-9]+$/.test(text) && text.length >= PIN_MIN_DIGITS && text.length <= PIN_MAX_DIGITS;
}

export function pinBits(pin: string): { value: bigint; bitCount: number } {
  if (!isPinText(pin)) {
    throw new RangeError(`a PIN has ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} decimal digits`);
  }
  const nibbles = pin.length % 2 === 0 ? pin : pin + 'F';
  return { value: BigInt('0x' + nibbles), bitCount: nibbles.length * 4 };
}

/**
 * Writes the 16-byte block of a checked PIN (see isPinText) straight from its digits: the BCD
 * nibbles fill whole bytes, so nothing is shifted. Returns the credential's bit count.
 */
export function writePinBlock(out: Uint8Array, off: number, pin: string): number {
  out.fill(0xff, off, off + 16);
  const nibbles = pin.length + (pin.length & 1);
  for (let k = 0; k < nibbles; k += 2) {
    const high = pin.charCodeAt(k) - 0x30;
    const low = k + 1 < pin.length ? pin.charCodeAt(k + 1) - 0x30 : 0xf;
    out[off + (k >> 1)] = (high << 4) | low;
  }
  return nibbles * 4;
}
