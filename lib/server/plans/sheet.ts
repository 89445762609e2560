import "server-only";
import { PDFDocument, rgb, StandardFonts, type PDFImage } from "pdf-lib";
import sharp from "sharp";
import type { OrchestratorTarget } from "@/lib/server/orchestrator/target";
import { openImage } from "@/lib/server/orchestrator/image-bytes";
import type { PlanView } from "@/lib/contract/grid/schema";
import { layoutSheet, PAPER, type Paper, type SheetItem } from "./sheet-layout";

// The contact sheet, built on the server: each cell's first image fetched with
// the designer's token, shrunk with sharp and embedded (never linked: the sheet
// must outlive the signed URLs), drawn as the layout says into a PDF (pdf-lib,
// one landscape page per tab) or one PNG (the pages stacked, 2 px per point).

export const PNG_SCALE = 2;
const THUMB_PX = 320;
const BLANK = { r: 0.92, g: 0.92, b: 0.92 };

/** One JPEG per cell that has an image; a cell whose image cannot be read stays blank. */
async function cellImages(
  plan: PlanView,
  target: OrchestratorTarget,
): Promise<Map<number, Buffer>> {
  const out = new Map<number, Buffer>();
  const queue = plan.cells.filter((c) => c.generation?.images.some((i) => i.available));
  // Four at a time: the sheet must not open 64 image downloads at once.
  const work = async () => {
    for (let cell = queue.shift(); cell; cell = queue.shift()) {
      const g = cell.generation;
      const n = g?.images.findIndex((i) => i.available) ?? -1;
      const image = g?.images[n];
      if (!g || !image) continue;
      try {
        const opened = await openImage(target, { generation: g, image, n: n + 1 });
        const bytes = Buffer.from(await new Response(opened.body).arrayBuffer());
        out.set(
          cell.index,
          await sharp(bytes)
            .resize(THUMB_PX, THUMB_PX, { fit: "inside" })
            .jpeg({ quality: 80 })
            .toBuffer(),
        );
      } catch {
        // Left blank: the caption still says what the cell was.
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, work));
  return out;
}

/** Helvetica speaks WinAnsi: typographic signs become ASCII, the rest of Unicode a "?". */
export function winAnsi(text: string): string {
  return text
    .replace(/[−–—]/g, "-")
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/…/g, "...")
    .replace(/[^\x20-\x7e\xa0-\xff]/g, "?");
}

function fit(w: number, h: number, box: { w: number; h: number }) {
  const scale = Math.min(box.w / w, box.h / h);
  return { w: w * scale, h: h * scale };
}

export async function renderPdf(
  plan: PlanView,
  target: OrchestratorTarget,
  paper: Paper,
): Promise<Uint8Array> {
  const images = await cellImages(plan, target);
  const doc = await PDFDocument.create();
  doc.setTitle(`Grid: ${winAnsi(plan.title)}`);
  doc.setCreator("Krea Prompt Studio");
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const embedded = new Map<number, PDFImage>();
  for (const [cell, bytes] of images) embedded.set(cell, await doc.embedJpg(bytes));
  const { width, height } = PAPER[paper];
  for (const items of layoutSheet(plan, paper)) {
    const page = doc.addPage([width, height]);
    for (const item of items) {
      if (item.kind === "text") {
        page.drawText(winAnsi(item.text), {
          x: item.x,
          y: height - item.y - item.size,
          size: item.size,
          font: item.bold ? bold : regular,
          color: item.text === "WINNER" ? rgb(0.85, 0.45, 0) : rgb(0.1, 0.1, 0.1),
        });
      } else if (item.kind === "box") {
        page.drawRectangle({
          x: item.x,
          y: height - item.y - item.h,
          width: item.w,
          height: item.h,
          color: rgb(BLANK.r, BLANK.g, BLANK.b),
          borderColor: item.winner ? rgb(0.85, 0.45, 0) : undefined,
          borderWidth: item.winner ? 3 : 0,
        });
      } else {
        const image = embedded.get(item.cell);
        if (!image) continue;
        const size = fit(image.width, image.height, item);
        page.drawImage(image, {
          x: item.x + (item.w - size.w) / 2,
          y: height - item.y - item.h + (item.h - size.h) / 2,
          width: size.w,
          height: size.h,
        });
      }
    }
  }
  return doc.save();
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function svgItem(item: SheetItem, images: Map<number, Buffer>, top: number): string {
  const s = PNG_SCALE;
  if (item.kind === "text") {
    const fill = item.text === "WINNER" ? "#d97300" : "#1a1a1a";
    return `<text x="${item.x * s}" y="${(top + item.y + item.size) * s}" font-family="sans-serif" font-size="${item.size * s}" font-weight="${item.bold ? 700 : 400}" fill="${fill}">${esc(item.text)}</text>`;
  }
  if (item.kind === "box") {
    const stroke = item.winner ? ` stroke="#d97300" stroke-width="${3 * s}"` : "";
    return `<rect x="${item.x * s}" y="${(top + item.y) * s}" width="${item.w * s}" height="${item.h * s}" fill="#ebebeb"${stroke}/>`;
  }
  const bytes = images.get(item.cell);
  if (!bytes) return "";
  return `<image x="${item.x * s}" y="${(top + item.y) * s}" width="${item.w * s}" height="${item.h * s}" preserveAspectRatio="xMidYMid meet" href="data:image/jpeg;base64,${bytes.toString("base64")}"/>`;
}

/** The pages stacked top to bottom: width × (height × pages) at PNG_SCALE px per point. */
export async function renderPng(
  plan: PlanView,
  target: OrchestratorTarget,
  paper: Paper,
): Promise<Buffer> {
  const images = await cellImages(plan, target);
  const { width, height } = PAPER[paper];
  const pages = layoutSheet(plan, paper);
  const body = pages
    .map((items, p) => {
      const top = p * height;
      return `<rect x="0" y="${top * PNG_SCALE}" width="${width * PNG_SCALE}" height="${height * PNG_SCALE}" fill="#fff"/>${items.map((i) => svgItem(i, images, top)).join("")}`;
    })
    .join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width * PNG_SCALE}" height="${height * PNG_SCALE * pages.length}">${body}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
