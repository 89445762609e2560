import { describe, expect, it } from "vitest";
import { fakeResolver } from "./testing/fake-dns";
import { checkPublicUrl, UrlRefusedError, UrlUnreachableError } from "./url-guard";

const resolve = fakeResolver({
  "images.example": ["93.184.216.34"],
  "v6.example": ["2606:4700::1111", "93.184.216.34"],
  "internal.example": ["10.0.0.5"],
  "sneaky.example": ["93.184.216.34", "127.0.0.1"],
  "mapped.example": ["::ffff:127.0.0.1"],
  "metadata.example": ["169.254.169.254"],
});

async function refusal(url: string): Promise<UrlRefusedError> {
  const error = await checkPublicUrl(url, { resolve }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UrlRefusedError))
    throw new Error(`${url} was not refused: ${String(error)}`);
  return error;
}

describe("checkPublicUrl", () => {
  it.each([
    ["decimal IPv4", "http://2130706433/", "loopback"],
    ["octal IPv4", "http://0177.0.0.1/", "loopback"],
    ["hex IPv4", "http://0x7f.1/", "loopback"],
    ["hex IPv4 in one number", "http://0x7f000001/x.png", "loopback"],
    ["short IPv4", "http://127.1/", "loopback"],
    ["IPv6 loopback", "http://[::1]/", "loopback"],
    ["IPv4-mapped IPv6", "http://[::ffff:127.0.0.1]/", "IPv4-mapped loopback"],
    ["IPv4-mapped IPv6 in hex", "http://[::ffff:7f00:1]/", "IPv4-mapped loopback"],
    ["cloud metadata", "http://169.254.169.254/latest/meta-data/", "cloud metadata"],
    ["metadata in decimal", "http://2852039166/", "cloud metadata"],
    ["0.0.0.0", "http://0.0.0.0:8080/", "unspecified"],
    ["0", "http://0/", "unspecified"],
    ["a private network", "https://192.168.0.10/x.png", "private network"],
    ["link-local IPv6", "http://[fe80::1]/", "link-local"],
    ["unique-local IPv6", "http://[fd00::1]/", "unique-local"],
    ["localhost", "http://localhost:3000/", "localhost"],
    ["LOCALHOST. with a trailing dot", "http://LOCALHOST./", "localhost"],
    ["a *.localhost name", "http://api.localhost/", "localhost"],
    ["metadata.google.internal", "http://metadata.google.internal/", "a local network name"],
    ["a single-label name", "http://intranet/", "a local network name"],
    ["a .local name", "http://printer.local/", "a local network name"],
    ["a name resolving to 10.0.0.5", "https://internal.example/a.png", "10.0.0.5"],
    ["a name with one private address among public ones", "https://sneaky.example/", "127.0.0.1"],
    ["a name resolving to IPv4-mapped loopback", "https://mapped.example/", "IPv4-mapped"],
    ["a name resolving to the metadata service", "https://metadata.example/", "cloud metadata"],
  ])("refuses %s", async (_, url, label) => {
    const error = await refusal(url);
    expect(error.reason).toBe("private");
    expect(error.message).toContain(label);
    expect(error.message).toMatch(
      /^This address is private \(.+\): the orchestrator can't fetch it and the studio won't either\.$/,
    );
  });

  it("names the exact loopback phrase the designer sees", async () => {
    expect((await refusal("http://127.0.0.1/")).message).toBe(
      "This address is private (loopback): the orchestrator can't fetch it and the studio won't either.",
    );
  });

  it.each([
    ["file:///etc/passwd", "scheme"],
    ["ftp://images.example/a.png", "scheme"],
    ["javascript:alert(1)", "scheme"],
    ["data:image/png;base64,iVBORw0KGgo=", "scheme"],
    ["gopher://images.example:70/", "scheme"],
    ["https://user:secret@images.example/a.png", "credentials"],
    ["http://images.example:22/", "port"],
    ["http://images.example:25/", "port"],
    ["not a url", "invalid_url"],
    ["//images.example/a.png", "invalid_url"],
  ])("refuses %s (%s)", async (url, reason) => {
    expect((await refusal(url)).reason).toBe(reason);
  });

  it("accepts a public name and returns every address it checked", async () => {
    const checked = await checkPublicUrl("https://v6.example/a.png", { resolve });
    expect(checked.host).toBe("v6.example");
    expect(checked.addresses.map((a) => a.address)).toEqual(["2606:4700::1111", "93.184.216.34"]);
  });

  it("accepts public literals and unprivileged ports", async () => {
    const checked = await checkPublicUrl("http://8.8.8.8:8080/x.png", { resolve });
    expect(checked.addresses).toEqual([{ address: "8.8.8.8", family: 4 }]);
    await expect(checkPublicUrl("https://[2606:4700::1111]/", { resolve })).resolves.toBeTruthy();
  });

  it("reports a name that does not resolve as unreachable, not refused", async () => {
    const error = await checkPublicUrl("https://nowhere.example/", { resolve }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UrlUnreachableError);
    expect(error).toMatchObject({ reason: "dns" });
  });

  it("lets a test allow one address explicitly, and nothing else", async () => {
    const only = (a: string) =>
      a === "127.0.0.1" ? { allowed: true as const } : { allowed: false as const, range: "x" };
    await expect(
      checkPublicUrl("http://127.0.0.1:4000/", { isAllowedAddress: only }),
    ).resolves.toBeTruthy();
    await expect(
      checkPublicUrl("http://127.0.0.2:4000/", { isAllowedAddress: only }),
    ).rejects.toBeInstanceOf(UrlRefusedError);
  });
});
