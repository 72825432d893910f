// Draws the two Teams app icons (color.png 192x192, outline.png 32x32) as RGBA PNGs.
// No image library: the motif is three rising bars under a trend arrow, rasterised here with
// 4x4 supersampling, so anyone can regenerate the icons with plain Node:  node manifest/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

// Must match accentColor in manifest.json so the colour icon blends into its tile.
const accent = [0x1f, 0x6f, 0xd6];
const white = [0xff, 0xff, 0xff];

// Glyph in unit coordinates (0..1, y down).
const bars = [
  { x0: 0.16, x1: 0.32, y0: 0.62, y1: 0.88 },
  { x0: 0.42, x1: 0.58, y0: 0.50, y1: 0.88 },
  { x0: 0.68, x1: 0.84, y0: 0.38, y1: 0.88 },
];
const trend = [[0.12, 0.46], [0.40, 0.26], [0.54, 0.34], [0.76, 0.16]];
const arrowTip = [0.90, 0.06];
const lineWidth = 0.075;

function insideBar(x, y) {
  return bars.some(b => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insideTriangle(px, py, a, b, c) {
  const side = (p, q) => (q[0] - p[0]) * (py - p[1]) - (q[1] - p[1]) * (px - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

// Arrow head: a triangle whose base is perpendicular to the last trend segment.
const last = trend[trend.length - 1];
const dirLength = Math.hypot(arrowTip[0] - last[0], arrowTip[1] - last[1]);
const [ux, uy] = [(arrowTip[0] - last[0]) / dirLength, (arrowTip[1] - last[1]) / dirLength];
const headBase = [arrowTip[0] - ux * 0.17, arrowTip[1] - uy * 0.17];
const headHalf = 0.10;
const headA = [headBase[0] - uy * headHalf, headBase[1] + ux * headHalf];
const headB = [headBase[0] + uy * headHalf, headBase[1] - ux * headHalf];

function insideGlyph(x, y) {
  if (insideBar(x, y) || insideTriangle(x, y, arrowTip, headA, headB)) {
    return true;
  }
  for (let i = 0; i + 1 < trend.length; i++) {
    if (distanceToSegment(x, y, trend[i], trend[i + 1]) <= lineWidth / 2) {
      return true;
    }
  }
  return distanceToSegment(x, y, last, headBase) <= lineWidth / 2;
}

/** Rasterises the glyph into `size`x`size` RGBA; `inset` is the margin (unit fraction) around the glyph. */
function render(size, inset, background) {
  const samples = 4;
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (px + (sx + 0.5) / samples) / size;
          const v = (py + (sy + 0.5) / samples) / size;
          const gx = (u - inset) / (1 - 2 * inset);
          const gy = (v - inset) / (1 - 2 * inset);
          if (gx >= 0 && gx <= 1 && gy >= 0 && gy <= 1 && insideGlyph(gx, gy)) {
            hits++;
          }
        }
      }
      const coverage = hits / (samples * samples);
      const offset = (py * size + px) * 4;
      if (background) {
        // Opaque: blend white glyph over the accent colour.
        for (let c = 0; c < 3; c++) {
          rgba[offset + c] = Math.round(background[c] * (1 - coverage) + white[c] * coverage);
        }
        rgba[offset + 3] = 255;
      } else {
        // Outline icon: white only, shape carried by alpha (Teams requires a transparent background).
        rgba[offset] = white[0];
        rgba[offset + 1] = white[1];
        rgba[offset + 2] = white[2];
        rgba[offset + 3] = Math.round(coverage * 255);
        if (coverage === 0) {
          rgba[offset] = rgba[offset + 1] = rgba[offset + 2] = 0;
        }
      }
    }
  }
  return rgba;
}


function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync(join(here, 'color.png'), encodePng(192, render(192, 0.16, accent)));
writeFileSync(join(here, 'outline.png'), encodePng(32, render(32, 0.03, null)));
console.log('wrote manifest/color.png (192x192) and manifest/outline.png (32x32)');
