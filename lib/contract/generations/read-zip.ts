// Reads one file out of the end of a zip the studio made (stored, not
// compressed): enough to find manifest.json, the last file, without holding
// the whole zip twice. `tail` is the zip's last bytes and `tailStart` where
// they begin in the whole file; offsets in the zip are absolute.
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

export function readStoredEntry(tail: Uint8Array, name: string, tailStart = 0): Uint8Array | null {
  const view = new DataView(tail.buffer, tail.byteOffset, tail.byteLength);
  const at = (absolute: number) => absolute - tailStart;
  const inside = (i: number, length: number) => i >= 0 && i + length <= tail.byteLength;
  let eocd = -1;
  for (let i = tail.byteLength - 22; i >= 0 && i >= tail.byteLength - 22 - 65_535; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (
    offset === MAX32 &&
    inside(eocd - 20, 20) &&
    view.getUint32(eocd - 20, true) === ZIP64_LOCATOR
  ) {
    const record = at(Number(view.getBigUint64(eocd - 12, true)));
    if (!inside(record, 56) || view.getUint32(record, true) !== ZIP64_EOCD) return null;
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const wanted = new TextEncoder().encode(name);
  let i = at(offset);
  while (count-- > 0) {
    if (!inside(i, 46) || view.getUint32(i, true) !== CENTRAL) return null;
    let size = view.getUint32(i + 20, true);
    const nameLength = view.getUint16(i + 28, true);
    const extraLength = view.getUint16(i + 30, true);
    const commentLength = view.getUint16(i + 32, true);
    let local = view.getUint32(i + 42, true);
    const entryName = tail.subarray(i + 46, i + 46 + nameLength);
    if (entryName.length === wanted.length && entryName.every((b, k) => b === wanted[k])) {
      // Zip64: sizes and offsets of 0xffffffff live in the extra field, in that order.
      let field = i + 46 + nameLength;
      const end = field + extraLength;
      while (field + 4 <= end) {
        const id = view.getUint16(field, true);
        const length = view.getUint16(field + 2, true);
        if (id === 1) {
          let value = field + 4;
          if (size === MAX32) {
            size = Number(view.getBigUint64(value + 8, true));
            value += 16;
          }
          if (local === MAX32) local = Number(view.getBigUint64(value, true));
        }
        field += 4 + length;
      }
      const header = at(local);
      if (!inside(header, 30) || view.getUint32(header, true) !== LOCAL) return null;
      const start =
        header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
      return inside(start, size) ? tail.subarray(start, start + size) : null;
    }
    i += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}
