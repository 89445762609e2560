// Reads the text back out of a contact sheet PDF: pdf-lib writes each string
// with the standard Helvetica fonts as a hex string shown by Tj inside
// (Flate-compressed) content streams, so inflating every stream and decoding
// those strings gives the text, page by page in drawing order. Enough for the
// studio's own sheets; not a general PDF text extractor.
import { inflateSync } from "node:zlib";
import { PDFDocument } from "pdf-lib";

export function pdfStrings(pdf: Uint8Array): string[] {
  const raw = Buffer.from(pdf);
  const text = raw.toString("latin1");
  const out: string[] = [];
  const stream = /stream\r?\n/g;
  for (let m = stream.exec(text); m; m = stream.exec(text)) {
    const start = m.index + m[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) break;
    const bytes = raw.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(bytes).toString("latin1");
    } catch {
      content = bytes.toString("latin1");
    }
    for (const t of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)) {
      out.push(Buffer.from(t[1] ?? "", "hex").toString("latin1"));
    }
    for (const t of content.matchAll(/\(((?:\\.|[^\\)])*)\)\s*Tj/g)) out.push(t[1] ?? "");
  }
  return out;
}

/** How many pages the PDF has, as pdf-lib reads it. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf)).getPageCount();
}
