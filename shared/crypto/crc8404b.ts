// CRC-16 "8404B" as BALTECH names it (catalogued elsewhere as CRC-16/MCRF4XX): the reflected
// CCITT polynomial 0x8408, start value 0xFFFF, no final XOR. The BEC2 "B" container and
// Crypto.BalKeyEncryptBuffer store it most significant byte first.

const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0x8408 : c >>> 1;
    t[i] = c;
  }
  return t;
})();

export function crc8404b(data: Uint8Array, initial = 0xffff): number {
  let crc = initial & 0xffff;
  for (const b of data) crc = (crc >>> 8) ^ TABLE[(crc ^ b) & 0xff]!;
  return crc;
}

/** The CRC as the two bytes that follow the data in a "B" container (MSB first). */
export function crc8404bBytes(data: Uint8Array): Uint8Array {
  const crc = crc8404b(data);
  return Uint8Array.of(crc >>> 8, crc & 0xff);
}
