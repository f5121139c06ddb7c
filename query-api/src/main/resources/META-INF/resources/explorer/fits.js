// Reads the image HDUs of a FITS file as the API writes them (decision 0018: a slope image is 5 x 4 bytes a pixel in
// FITS against about 60 in JSON). Only what the explorer needs: BITPIX -32, 32, 16 and 8 images with BZERO/BSCALE.

const BLOCK = 2880;
const CARD = 80;

/** The HDUs: [{header: Map, extname, axes: [NAXIS1, NAXIS2, ...], data: Float64Array|Float32Array}]. */
export function readFits(buffer) {
  const view = new DataView(buffer);
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
    hdus.push({ header, extname: header.get('EXTNAME'), axes, data: pixels(view, offset, count, header) });
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

// FITS is big-endian; BZERO/BSCALE give the physical value (DQ: int32 + 2**31 = uint32).
function pixels(view, offset, count, header) {
  const bitpix = header.get('BITPIX');
  const zero = header.get('BZERO') || 0;
  const scale = header.has('BSCALE') ? header.get('BSCALE') : 1;
  if (bitpix === -32 && zero === 0 && scale === 1) {
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + 4 * i);
    return out;
  }
  const read = { 8: (i) => view.getUint8(offset + i), 16: (i) => view.getInt16(offset + 2 * i),
    32: (i) => view.getInt32(offset + 4 * i), [-32]: (i) => view.getFloat32(offset + 4 * i),
    [-64]: (i) => view.getFloat64(offset + 8 * i) }[bitpix];
  if (!read) throw new Error('FITS BITPIX ' + bitpix + ' is not read here');
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) out[i] = zero + scale * read(i);
  return out;
}
