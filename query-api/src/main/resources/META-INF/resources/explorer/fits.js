// Reads the image HDUs of a FITS file as the API writes them (decision 0018: a slope image is 5 x 4 bytes a pixel in
// FITS against about 60 in JSON). Only what the explorer needs: BITPIX -32, 32, 16 and 8 images with BZERO/BSCALE.

const BLOCK = 2880;
const CARD = 80;

/** The HDUs: [{header: Map, extname, axes: [NAXIS1, NAXIS2, ...], data: a typed array of the physical values}]. */
export function readFits(buffer) {
  const hdus = [];
  let offset = 0;
  while (offset + BLOCK <= buffer.byteLength) {
    const header = new Map();
    let end = false;
    while (!end) {
      if (offset + BLOCK > buffer.byteLength) throw new Error('FITS header runs past the end of the file');
      for (let c = 0; c < BLOCK / CARD && !end; c++) {
        const card = ascii(buffer, offset + c * CARD, CARD);
        const key = card.slice(0, 8).trim();
        if (key === 'END') end = true;
        else if (card.slice(8, 10) === '= ') header.set(key, value(card.slice(10)));
      }
      offset += BLOCK;
    }
    const bitpix = header.get('BITPIX');
    const axes = [];
    for (let a = 1; a <= (header.get('NAXIS') || 0); a++) axes.push(header.get('NAXIS' + a));
    const count = axes.length === 0 ? 0 : axes.reduce((x, y) => x * y, 1);
    const bytes = count * Math.abs(bitpix) / 8;
    if (offset + bytes > buffer.byteLength) throw new Error('FITS data runs past the end of the file');
    hdus.push({ header, extname: header.get('EXTNAME'), axes, data: pixels(buffer, offset, count, header) });
    offset += Math.ceil(bytes / BLOCK) * BLOCK;
  }
  return hdus;
}

function ascii(buffer, start, length) {
  return String.fromCharCode(...new Uint8Array(buffer, start, length));
}

function value(text) {
  const t = text.trim();
  if (t.startsWith("'")) return t.slice(1, t.indexOf("'", 1)).trim();
  const v = t.split('/')[0].trim();
  if (v === 'T' || v === 'F') return v === 'T';
  return Number(v);
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const TYPES = { 8: Uint8Array, 16: Int16Array, 32: Int32Array, [-32]: Float32Array, [-64]: Float64Array };

// FITS is big-endian: the data are copied, their bytes swapped in place, and viewed as a typed array (a per-value
// DataView read of a full-frame plane was the slowest step of drawing the slope image). BZERO/BSCALE give the physical
// values; the unsigned conventions (int32 + 2**31 for DQ, int16 + 2**15 for samples) stay integer arrays.
function pixels(buffer, offset, count, header) {
  const bitpix = header.get('BITPIX');
  const Type = TYPES[bitpix];
  if (!Type) throw new Error('FITS BITPIX ' + bitpix + ' is not read here');
  const size = Type.BYTES_PER_ELEMENT;
  const copy = buffer.slice(offset, offset + count * size);
  if (LITTLE_ENDIAN) swap(copy, size);
  const zero = header.get('BZERO') || 0;
  const scale = header.has('BSCALE') ? header.get('BSCALE') : 1;
  if (zero === 0 && scale === 1) return new Type(copy);
  if (scale === 1 && bitpix === 32 && zero === 2147483648) return flipSign(new Uint32Array(copy), 0x80000000);
  if (scale === 1 && bitpix === 16 && zero === 32768) return flipSign(new Uint16Array(copy), 0x8000);
  const raw = new Type(copy);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = zero + scale * raw[i];
  return out;
}

function flipSign(values, bit) {
  for (let i = 0; i < values.length; i++) values[i] ^= bit;
  return values;
}

function swap(buffer, size) {
  if (size === 4) {
    const v = new Uint32Array(buffer);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      v[i] = (x >>> 24) | ((x >>> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24);
    }
  } else if (size > 1) {
    const b = new Uint8Array(buffer);
    for (let i = 0; i < b.length; i += size) b.subarray(i, i + size).reverse();
  }
}
