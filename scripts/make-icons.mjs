#!/usr/bin/env node
// Writes public/icon/{16,32,48,128}.png: a dark-red rounded square with a white
// check mark (勾) over faint ledger lines (稽). Dependency-free on purpose (only
// node:zlib), so the icons can be regenerated anywhere and the output is
// byte-for-byte deterministic — rerunning must not dirty git.
//   node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icon');
const SIZES = [16, 32, 48, 128];
const RED = [0x8b, 0x1a, 0x1a];
const SS = 4; // supersamples per axis, for anti-aliasing

// ---- geometry, in unit coordinates (0..1) --------------------------------
const MARGIN = 0.03;
const RADIUS = 0.2;

function insideRoundedSquare(x, y) {
  const lo = MARGIN + RADIUS;
  const hi = 1 - MARGIN - RADIUS;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const CHECK = [
  [0.25, 0.53],
  [0.43, 0.71],
  [0.77, 0.31],
];

function onCheck(x, y, size) {
  // Thicker at small sizes so the mark survives 16 px.
  const half = size <= 16 ? 0.075 : 0.06;
  return (
    distToSegment(x, y, CHECK[0], CHECK[1]) <= half || distToSegment(x, y, CHECK[1], CHECK[2]) <= half
  );
}

function onLedger(x, y, size) {
  if (size < 48) return false; // lines turn to mush below 48 px
  const half = 0.012;
  return [0.3, 0.5, 0.7].some((ly) => Math.abs(y - ly) <= half && x >= 0.18 && x <= 0.82);
}

/** RGBA coverage for one sample point. */
function sample(x, y, size) {
  if (!insideRoundedSquare(x, y)) return [0, 0, 0, 0];
  if (onCheck(x, y, size)) return [255, 255, 255, 255];
  if (onLedger(x, y, size)) {
    // white at 25 % over the red
    return [...RED.map((c) => Math.round(c * 0.75 + 255 * 0.25)), 255];
  }
  return [...RED, 255];
}

function render(size) {
  const px = Buffer.alloc(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sj = 0; sj < SS; sj++) {
        for (let si = 0; si < SS; si++) {
          const [sr, sg, sb, sa] = sample((i + (si + 0.5) / SS) / size, (j + (sj + 0.5) / SS) / size, size);
          // premultiply so transparent samples do not darken the edge
          r += sr * sa; g += sg * sa; b += sb * sa; a += sa;
        }
      }
      const o = (j * size + i) * 4;
      px[o] = a ? Math.round(r / a) : 0;
      px[o + 1] = a ? Math.round(g / a) : 0;
      px[o + 2] = a ? Math.round(b / a) : 0;
      px[o + 3] = Math.round(a / (SS * SS));
    }
  }
  return px;
}

// ---- PNG encoding ----------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter, interlace = 0
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = join(OUT, `${size}.png`);
  writeFileSync(file, png(size, render(size)));
  console.log(`wrote ${file}`);
}
