// What a drop or a paste carries, read into plain lists of files and links. A
// link dragged from another page arrives as text/uri-list, as text/html (the
// page's own markup: we only read the first image's src or link's href from a
// parsed, inert document, and never put that markup anywhere), or as plain text.
import { STYLE_REFERENCES_MAX } from "@/lib/contract/krea/options";

/** The slice of a parsed HTML document we read: DOMParser in the browser, a stand-in in tests. */
export interface HtmlDocumentLike {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}
export type ParseHtml = (html: string) => HtmlDocumentLike | null;

export interface DroppedData {
  files: readonly File[];
  uriList?: string;
  html?: string;
  text?: string;
}

export interface DroppedItems {
  files: File[];
  urls: string[];
  /** something that looked like an image but cannot become a reference, with why */
  refusals: string[];
}

const MAX_URL_LENGTH = 4096;

export function isHttpUrl(value: string): boolean {
  if (value.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(value)) return false;
  return URL.canParse(value);
}

const EMBEDDED_IMAGE =
  "That image is embedded in the page itself (a data: link), not stored at an address: save it, then drop or add the file.";

/** text/uri-list: one URL a line, `#` lines are comments. */
export function urlsFromUriList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#") && isHttpUrl(line));
}

/** The first <img src>, else the first <a href>, when it is an absolute http(s) URL. */
export function urlFromHtml(
  html: string,
  parse: ParseHtml,
): { url: string } | { refusal: string } | null {
  if (html.length > 2_000_000) return null;
  let doc: HtmlDocumentLike | null;
  try {
    doc = parse(html);
  } catch {
    return null;
  }
  if (!doc) return null;
  for (const [selector, attribute] of [
    ["img[src]", "src"],
    ["a[href]", "href"],
  ] as const) {
    const value = doc.querySelector(selector)?.getAttribute(attribute)?.trim();
    if (!value) continue;
    if (/^data:image\//i.test(value)) return { refusal: EMBEDDED_IMAGE };
    if (isHttpUrl(value)) return { url: value };
  }
  return null;
}

/** Plain text counts only when it is nothing but links: a pasted sentence is a sentence. */
export function urlsFromText(text: string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > STYLE_REFERENCES_MAX * 2) return [];
  return words.every(isHttpUrl) ? words : [];
}

/**
 * Files win: a browser that offers both the image file and its address gives
 * us the very bytes. Otherwise the richest description of a link, in order.
 */
export function readDropped(data: DroppedData, parse: ParseHtml): DroppedItems {
  if (data.files.length > 0) return { files: [...data.files], urls: [], refusals: [] };
  const refusals: string[] = [];
  let urls = data.uriList ? urlsFromUriList(data.uriList) : [];
  if (urls.length === 0 && data.html) {
    const found = urlFromHtml(data.html, parse);
    if (found && "url" in found) urls = [found.url];
    else if (found) refusals.push(found.refusal);
  }
  if (urls.length === 0 && refusals.length === 0 && data.text) {
    if (/^\s*data:image\//i.test(data.text)) refusals.push(EMBEDDED_IMAGE);
    else urls = urlsFromText(data.text);
  }
  return { files: [], urls: [...new Set(urls)], refusals };
}

export type TypedUrl = { ok: true; url: string } | { ok: false; message: string };

/**
 * The "Style reference URL" field's own quick check, before asking the server.
 * A bare host ("images.example.com/a.png") gets https://, as browsers do.
 */
export function screenTypedUrl(input: string): TypedUrl {
  const text = input.trim();
  if (!text) return { ok: false, message: "Type or paste the address of an image." };
  if (/^data:/i.test(text)) return { ok: false, message: EMBEDDED_IMAGE };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  if (text.length > MAX_URL_LENGTH) {
    return {
      ok: false,
      message: `That address is too long (at most ${MAX_URL_LENGTH} characters).`,
    };
  }
  // "not a url" parses (host "not%20a%20url"); say what is wrong in the words typed.
  if (/\s/.test(text)) {
    return {
      ok: false,
      message: "A web address has no spaces. It should look like https://…/image.png.",
    };
  }
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return {
      ok: false,
      message: "That is not a web address. It should look like https://…/image.png.",
    };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return {
      ok: false,
      message: `Only http:// and https:// addresses can be style references, not ${url.protocol}.`,
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      message:
        "Addresses with a user name or password can't be used: the orchestrator would send them to that site.",
    };
  }
  if (
    !url.hostname.includes(".") &&
    url.hostname !== "localhost" &&
    !url.hostname.startsWith("[")
  ) {
    return {
      ok: false,
      message: `“${typedHost(withScheme)}” is not a full address: it needs a domain, like images.example.com/photo.png.`,
    };
  }
  return { ok: true, url: withScheme };
}

/** The host as it was typed: URL() would show it percent-escaped or in punycode. */
function typedHost(address: string): string {
  const host = address.replace(/^[a-z][a-z0-9+.-]*:\/*/i, "").split(/[/?#]/)[0] ?? "";
  try {
    return decodeURIComponent(host);
  } catch {
    return host;
  }
}
