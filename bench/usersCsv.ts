// Users CSVs for the door-file figures: distinct H10304 cards in no particular order, with dates,
// as a site's export would have them.

/** Row i of a users CSV; the cards run through a permutation of 0..2^20-1, so they are distinct for up to 1,048,576 users. */
function row(i: number): string {
  const p = Math.imul(i, 0x9e3779b1) & 0xfffff;
  return `${i + 1},h10304,${p >>> 10},${(p & 1023) * 512 + 7},1,2025-01-01,2027-12-31\n`;
}

export const USERS_CSV_HEADER = 'user_id,format,facility,card,active,activation,expiration\n';

/** The whole file as text. */
export function usersCsvText(n: number): string {
  const parts = [USERS_CSV_HEADER];
  for (let i = 0; i < n; i++) parts.push(row(i));
  return parts.join('');
}

/** The file in pieces of about a megabyte, for writing large ones. */
export function* usersCsvChunks(n: number): Generator<string> {
  let chunk = USERS_CSV_HEADER;
  for (let i = 0; i < n; i++) {
    chunk += row(i);
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
