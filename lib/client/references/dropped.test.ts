import { describe, expect, it } from "vitest";
import {
  readDropped,
  screenTypedUrl,
  urlFromHtml,
  urlsFromText,
  urlsFromUriList,
  type HtmlDocumentLike,
  type ParseHtml,
} from "./dropped";

// Node has no DOMParser; this stand-in answers the two selectors the code asks
// for from a regex over the markup. The real DOMParser path runs in the e2e drop test.
const fakeParse: ParseHtml = (html) => {
  const doc: HtmlDocumentLike = {
    querySelector(selector) {
      const [tag, attr] = selector === "img[src]" ? ["img", "src"] : ["a", "href"];
      const match = new RegExp(`<${tag}\\b[^>]*\\b${attr}="([^"]*)"`, "i").exec(html);
      return match ? { getAttribute: () => match[1] ?? null } : null;
    },
  };
  return doc;
};

const file = (name: string) => new File([new Uint8Array([1])], name, { type: "image/png" });

describe("reading drops and pastes", () => {
  it("takes every http(s) line of a uri-list and skips comments and other schemes", () => {
    expect(
      urlsFromUriList(
        "# dragged\r\nhttps://a.example/1.png\nfile:///etc/passwd\njavascript:alert(1)\nhttp://b.example/2.jpg\n",
      ),
    ).toEqual(["https://a.example/1.png", "http://b.example/2.jpg"]);
  });

  it("takes the first image's src from dragged HTML, else the first link's href", () => {
    const html =
      '<div><a href="https://page.example/post">post</a><img src="https://cdn.example/i.webp" onerror="x()"></div>';
    expect(urlFromHtml(html, fakeParse)).toEqual({ url: "https://cdn.example/i.webp" });
    expect(urlFromHtml('<a href="https://page.example/p">p</a>', fakeParse)).toEqual({
      url: "https://page.example/p",
    });
    expect(urlFromHtml("<p>nothing</p>", fakeParse)).toBeNull();
    expect(urlFromHtml('<img src="/relative.png">', fakeParse)).toBeNull();
  });

  it("says why an embedded data: image cannot be used", () => {
    expect(urlFromHtml('<img src="data:image/png;base64,AAAA">', fakeParse)).toMatchObject({
      refusal: expect.stringContaining("data: link"),
    });
    expect(
      readDropped({ files: [], text: "data:image/png;base64,AAAA" }, fakeParse).refusals,
    ).toHaveLength(1);
  });

  it("survives a parser that throws", () => {
    expect(
      urlFromHtml("<img>", () => {
        throw new Error("boom");
      }),
    ).toBeNull();
  });

  it("reads plain text as links only when it is nothing but links", () => {
    expect(urlsFromText(" https://a.example/x.png\nhttps://b.example/y.png ")).toEqual([
      "https://a.example/x.png",
      "https://b.example/y.png",
    ]);
    expect(urlsFromText("see https://a.example/x.png")).toEqual([]);
    expect(urlsFromText("")).toEqual([]);
  });

  it("prefers files, then uri-list, then html, then text, without duplicates", () => {
    const png = file("a.png");
    expect(readDropped({ files: [png], uriList: "https://a.example/1.png" }, fakeParse)).toEqual({
      files: [png],
      urls: [],
      refusals: [],
    });
    expect(
      readDropped(
        {
          files: [],
          uriList: "https://a.example/1.png\nhttps://a.example/1.png",
          html: '<img src="https://other.example/2.png">',
        },
        fakeParse,
      ).urls,
    ).toEqual(["https://a.example/1.png"]);
    expect(
      readDropped(
        { files: [], html: '<img src="https://other.example/2.png">', text: "x" },
        fakeParse,
      ).urls,
    ).toEqual(["https://other.example/2.png"]);
    expect(readDropped({ files: [], text: "https://t.example/3.png" }, fakeParse).urls).toEqual([
      "https://t.example/3.png",
    ]);
  });

  it("screens a typed URL before asking the server", () => {
    expect(screenTypedUrl("https://images.example.com/ref.png")).toEqual({
      ok: true,
      url: "https://images.example.com/ref.png",
    });
    expect(screenTypedUrl("images.example.com/ref.png")).toEqual({
      ok: true,
      url: "https://images.example.com/ref.png",
    });
    expect(screenTypedUrl("")).toMatchObject({ ok: false });
    expect(screenTypedUrl("ftp://x.example/a.png")).toMatchObject({
      ok: false,
      message: expect.stringContaining("ftp:"),
    });
    expect(screenTypedUrl("https://user:pw@x.example/a.png")).toMatchObject({ ok: false });
    expect(screenTypedUrl("javascript:alert(1)")).toMatchObject({ ok: false });
    expect(screenTypedUrl("intranet/a.png")).toMatchObject({ ok: false });
  });

  it("words a bad address in what was typed, never percent-escapes", () => {
    const spaced = screenTypedUrl("not a url");
    expect(spaced).toMatchObject({ ok: false, message: expect.stringContaining("no spaces") });
    expect(JSON.stringify(spaced)).not.toContain("%20");
    expect(screenTypedUrl("caf%C3%A9/a.png")).toMatchObject({
      ok: false,
      message: expect.stringContaining("“café” is not a full address"),
    });
  });
});
