// A small PNG reader for the icon checks: header fields, and the pixels of 8-bit RGB/RGBA images
// (any filter type, no interlace), decoded independently of the script that drew them.
import { inflateSync } from 'node:zlib';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export const ColourType = { Grey: 0, Rgb: 2, Palette: 3, GreyAlpha: 4, Rgba: 6 };

/** Splits a PNG into its chunks; throws on a bad signature or a truncated chunk. */
export function readChunks(bytes) {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(signature)) {
    throw new Error('not a PNG (bad signature)');
  }
  const chunks = [];
  let offset = 8;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) {
      throw new Error('truncated chunk');
    }
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    chunks.push({ type, data: bytes.subarray(offset + 8, offset + 8 + length) });
    offset += 12 + length;
  }
  return chunks;
}

/** The IHDR fields. */
export function readHeader(bytes) {
  const ihdr = readChunks(bytes)[0];
  if (ihdr?.type !== 'IHDR') {
    throw new Error('first chunk is not IHDR');
  }
  const d = ihdr.data;
  return {
    width: d.readUInt32BE(0),
    height: d.readUInt32BE(4),
    bitDepth: d[8],
    colourType: d[9],
    interlace: d[12],
  };
}

function paeth(a, b, c) {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes an 8-bit RGB or RGBA PNG to { width, height, rgba } (RGB gets alpha 255). */
export function decodeRgba(bytes) {
  const header = readHeader(bytes);
  const { width, height, bitDepth, colourType, interlace } = header;
  if (bitDepth !== 8 || interlace !== 0 || (colourType !== ColourType.Rgb && colourType !== ColourType.Rgba)) {
    throw new Error(`unsupported PNG for pixel checks: ${JSON.stringify(header)}`);
  }
  const channels = colourType === ColourType.Rgba ? 4 : 3;
  const idat = Buffer.concat(readChunks(bytes).filter(c => c.type === 'IDAT').map(c => c.data));
  const raw = inflateSync(idat);
  const stride = width * channels;
  if (raw.length !== height * (stride + 1)) {
    throw new Error(`pixel data has ${raw.length} bytes, expected ${height * (stride + 1)}`);
  }
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) {
        throw new Error(`bad filter type ${filter} in row ${y}`);
      }
      pixels[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    pixels.copy(rgba, i * 4, i * channels, i * channels + 3);
    rgba[i * 4 + 3] = channels === 4 ? pixels[i * channels + 3] : 255;
  }
  return { width, height, rgba };
}
