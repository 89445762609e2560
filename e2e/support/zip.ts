// Reads a zip the studio made (client-zip stores files uncompressed) through
// its central directory: every file's name and bytes, so a test can check what
// a designer would find after unzipping.
export function readStoredZip(zip: Buffer): Map<string, Buffer> {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error("not a zip: no end of central directory");
  let count = zip.readUInt16LE(eocd + 10);
  let offset = zip.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  while (count-- > 0) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error("bad central directory entry");
    const method = zip.readUInt16LE(offset + 10);
    let size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    let local = zip.readUInt32LE(offset + 42);
    const name = zip.toString("utf8", offset + 46, offset + 46 + nameLength);
    // Zip64: sizes and offsets of 0xffffffff live in the extra field.
    if (size === 0xffffffff || local === 0xffffffff) {
      let at = offset + 46 + nameLength;
      const end = at + extraLength;
      while (at < end) {
        const id = zip.readUInt16LE(at);
        const length = zip.readUInt16LE(at + 2);
        if (id === 1) {
          let field = at + 4;
          if (size === 0xffffffff) {
            size = Number(zip.readBigUInt64LE(field + 8));
            field += 16;
          }
          if (local === 0xffffffff) local = Number(zip.readBigUInt64LE(field));
        }
        at += 4 + length;
      }
    }
    if (method !== 0) throw new Error(`${name}: compressed (method ${method})`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    files.set(name, zip.subarray(start, start + size));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}
