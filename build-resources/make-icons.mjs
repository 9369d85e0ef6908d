#!/usr/bin/env node
// Draws the ReaderDesk icon (a reader with radio waves on a blue tile) and writes every format the
// installers need, with no image library: PNGs via node:zlib, an ICO and an ICNS that embed PNGs.
//   node build-resources/make-icons.mjs
// Output: icon.png (1024), icon.ico (16–256), icon.icns (16–1024), icons/<n>x<n>.png for Linux, icon.svg.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const OUT = path.dirname(new URL(import.meta.url).pathname);
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS element types holding PNG data, by edge length.
const ICNS_TYPES = [['icp4', 16], ['icp5', 32], ['icp6', 64], ['ic07', 128], ['ic08', 256], ['ic09', 512], ['ic10', 1024]];

// --- drawing: signed distance functions in unit coordinates (0..1), 4x4 supersampling ----------
const roundedRect = (x, y, cx, cy, hw, hh, r) => {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const arc = (x, y, cx, cy, r, half, maxAngle) => {
  const a = Math.atan2(y - cy, x - cx);
  if (Math.abs(a) > maxAngle) return 1;
  return Math.abs(Math.hypot(x - cx, y - cy) - r) - half;
};

function shade(x, y) {
  // returns [r,g,b,a] 0..255 for one sample point
  if (roundedRect(x, y, 0.5, 0.5, 0.46, 0.46, 0.2) > 0) return [0, 0, 0, 0];
  const t = y;
  let c = [10 + (6 - 10) * t, 102 + (58 - 102) * t, 194 + (120 - 194) * t];
  const white = [255, 255, 255];
  if (roundedRect(x, y, 0.38, 0.5, 0.13, 0.27, 0.06) <= 0) c = white;
  if (circle(x, y, 0.38, 0.32, 0.035) <= 0) c = [10, 102, 194];
  if (roundedRect(x, y, 0.38, 0.6, 0.07, 0.1, 0.02) <= 0) c = [214, 228, 243];
  for (const r of [0.14, 0.22, 0.3]) if (arc(x, y, 0.52, 0.5, r, 0.022, Math.PI / 4) <= 0) c = white;
  return [c[0], c[1], c[2], 255];
}

function render(size) {
  const px = new Uint8Array(size * size * 4);
  const S = size >= 256 ? 3 : 4;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const [cr, cg, cb, ca] = shade((i + (sx + 0.5) / S) / size, (j + (sy + 0.5) / S) / size);
          r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
        }
      }
      const o = (j * size + i) * 4;
      if (a > 0) {
        px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a);
      }
      px[o + 3] = Math.round(a / (S * S));
    }
  }
  return px;
}

// --- PNG -----------------------------------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- ICO (PNG-compressed entries) and ICNS -------------------------------------------------------
function ico(entries) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(entries.length, 4);
  const dir = Buffer.alloc(16 * entries.length);
  let offset = 6 + dir.length;
  entries.forEach(([size, data], i) => {
    const o = i * 16;
    dir[o] = size >= 256 ? 0 : size;
    dir[o + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, o + 4); // planes
    dir.writeUInt16LE(32, o + 6); // bits per pixel
    dir.writeUInt32LE(data.length, o + 8);
    dir.writeUInt32LE(offset, o + 12);
    offset += data.length;
  });
  return Buffer.concat([header, dir, ...entries.map(([, d]) => d)]);
}
function icns(entries) {
  const parts = entries.map(([type, data]) => {
    const h = Buffer.alloc(8);
    h.write(type, 0, 'ascii');
    h.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([h, data]);
  });
  const h = Buffer.alloc(8);
  h.write('icns', 0, 'ascii');
  h.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([h, ...parts]);
}

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1024 1024">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#0a66c2"/><stop offset="1" stop-color="#063a78"/></linearGradient></defs>
  <rect x="41" y="41" width="942" height="942" rx="205" fill="url(#g)"/>
  <rect x="256" y="236" width="266" height="553" rx="61" fill="#fff"/>
  <circle cx="389" cy="328" r="36" fill="#0a66c2"/>
  <rect x="317" y="512" width="143" height="205" rx="20" fill="#d6e4f3"/>
  <g fill="none" stroke="#fff" stroke-width="45">
    <path d="M633 410 A143 143 0 0 1 633 614"/><path d="M692 351 A225 225 0 0 1 692 673"/><path d="M751 292 A307 307 0 0 1 751 732"/>
  </g>
</svg>
`;

const pngs = new Map();
for (const size of new Set([...LINUX_SIZES, ...ICO_SIZES])) pngs.set(size, png(size, render(size)));
fs.mkdirSync(path.join(OUT, 'icons'), { recursive: true });
for (const size of LINUX_SIZES) fs.writeFileSync(path.join(OUT, 'icons', `${size}x${size}.png`), pngs.get(size));
fs.writeFileSync(path.join(OUT, 'icon.png'), pngs.get(1024));
fs.writeFileSync(path.join(OUT, 'icon.ico'), ico(ICO_SIZES.map((s) => [s, pngs.get(s)])));
fs.writeFileSync(path.join(OUT, 'icon.icns'), icns(ICNS_TYPES.map(([t, s]) => [t, pngs.get(s)])));
fs.writeFileSync(path.join(OUT, 'icon.svg'), SVG);
console.log(`wrote icon.png, icon.ico, icon.icns, icon.svg and icons/{${LINUX_SIZES.join(',')}}.png to ${OUT}`);
