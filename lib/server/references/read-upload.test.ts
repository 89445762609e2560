import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/http/problem";
import { readUpload } from "./read-upload";

// Browsers frame multipart bodies with a mixed-case boundary (Chromium:
// "----WebKitFormBoundaryAbC…"); the boundary must reach the parser unchanged.
function multipart(boundary: string, name: string, bytes: Uint8Array): Request {
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
  return new Request("http://studio.test/api/uploads", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
  });
}

describe("readUpload", () => {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);

  it("reads a browser's multipart body whose boundary has capitals", async () => {
    const file = await readUpload(
      multipart("----WebKitFormBoundaryQx7TzA9bKcD3", "Dunes.png", bytes),
      1024,
    );
    expect([...file.bytes]).toEqual([...bytes]);
    expect(file.name).toBe("Dunes.png");
  });

  it("accepts the media type in any case", async () => {
    const request = multipart("AbC", "a.png", bytes);
    const upper = new Request(request.url, {
      method: "POST",
      headers: { "content-type": "Multipart/Form-Data; boundary=AbC" },
      body: await request.arrayBuffer(),
    });
    expect((await readUpload(upper, 1024)).bytes.length).toBe(bytes.length);
  });

  it("refuses a body larger than the limit with 413", async () => {
    const error = await readUpload(
      new Request("http://studio.test/api/uploads", {
        method: "POST",
        headers: { "content-type": "image/png" },
        body: new Uint8Array(2048),
      }),
      1024,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 413 });
  });
});
