import { describe, expect, it } from "vitest";
import { findChromium, isDebianLike, NOTHING_FOUND, type System } from "./find-chromium.mjs";

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n';
const UBUNTU = "NAME=Ubuntu\nID=ubuntu\nID_LIKE=debian\n";
const FEDORA = 'NAME="Fedora Linux"\nID=fedora\n';

interface Fake {
  env?: Record<string, string>;
  /** executables that exist; `true` = answers --version, `false` = exists but broken */
  files?: Record<string, boolean>;
  playwright?: string;
  root?: boolean;
  osRelease?: string;
  platform?: string;
  /** what a command installs when run (file → works), or false when it fails */
  installs?: Record<string, Record<string, boolean> | false>;
}

function fakeSystem(fake: Fake) {
  const files = { ...fake.files };
  const ran: string[] = [];
  const sys: System = {
    env: fake.env ?? { PATH: "/usr/local/bin:/usr/bin:/bin" },
    platform: fake.platform ?? "linux",
    isExecutable: (file) => file in files,
    runs: (file) => files[file] === true,
    playwrightBrowser: () => fake.playwright,
    isRoot: () => fake.root ?? false,
    osRelease: () => fake.osRelease ?? "",
    run(command, args) {
      const line = [command, ...args].join(" ");
      ran.push(line);
      const effect = fake.installs?.[line];
      if (effect === false || effect === undefined) return effect === undefined;
      Object.assign(files, effect);
      return true;
    },
    log: () => {},
  };
  return { sys, ran };
}

const PW = "/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";

describe("findChromium", () => {
  it("takes CHROMIUM_PATH first, over anything on PATH", () => {
    const { sys, ran } = fakeSystem({
      env: { CHROMIUM_PATH: "/opt/chromium/chrome", PATH: "/usr/bin" },
      files: { "/opt/chromium/chrome": true, "/usr/bin/chromium": true },
    });
    expect(findChromium(sys)).toEqual({ path: "/opt/chromium/chrome", source: "CHROMIUM_PATH" });
    expect(ran).toEqual([]);
  });

  it("refuses a CHROMIUM_PATH that does not run instead of quietly using another browser", () => {
    const { sys } = fakeSystem({
      env: { CHROMIUM_PATH: "/opt/gone", PATH: "/usr/bin" },
      files: { "/usr/bin/chromium": true },
    });
    expect(() => findChromium(sys)).toThrow("CHROMIUM_PATH=/opt/gone is not a Chromium that runs");
  });

  it("finds a system Chromium or Chrome on PATH, in PATH order", () => {
    const { sys } = fakeSystem({
      env: { PATH: "/snap/bin:/usr/bin" },
      files: { "/usr/bin/chromium": true, "/snap/bin/google-chrome": true },
    });
    expect(findChromium(sys)).toEqual({ path: "/snap/bin/google-chrome", source: "PATH" });
  });

  it("skips a /usr/bin/chromium that exists but does not start", () => {
    const { sys } = fakeSystem({
      env: { PATH: "/usr/bin" },
      files: { "/usr/bin/chromium": false, "/usr/bin/google-chrome-stable": true },
    });
    expect(findChromium(sys).path).toBe("/usr/bin/google-chrome-stable");
  });

  it("falls back to Playwright's own installed browser", () => {
    const { sys, ran } = fakeSystem({ files: { [PW]: true }, playwright: PW, root: true });
    expect(findChromium(sys)).toEqual({ path: PW, source: "Playwright" });
    expect(ran).toEqual([]);
  });

  it("installs Debian's chromium with apt-get on Debian or Ubuntu as root", () => {
    for (const osRelease of [DEBIAN, UBUNTU]) {
      const { sys, ran } = fakeSystem({
        root: true,
        osRelease,
        installs: { "apt-get install -y chromium": { "/usr/bin/chromium": true } },
      });
      expect(findChromium(sys)).toEqual({ path: "/usr/bin/chromium", source: "apt-get" });
      expect(ran).toEqual(["apt-get update", "apt-get install -y chromium"]);
    }
  });

  it("runs `npx playwright install chromium` when not root, or not on Debian", () => {
    for (const fake of [
      { root: false, osRelease: DEBIAN },
      { root: true, osRelease: FEDORA },
    ]) {
      const { sys, ran } = fakeSystem({
        ...fake,
        playwright: PW,
        installs: { "npx playwright install chromium": { [PW]: true } },
      });
      expect(findChromium(sys)).toEqual({ path: PW, source: "npx playwright install" });
      expect(ran).toEqual(["npx playwright install chromium"]);
    }
  });

  it("tries npx after a failed apt-get", () => {
    const { sys, ran } = fakeSystem({
      root: true,
      osRelease: DEBIAN,
      playwright: PW,
      installs: {
        "apt-get install -y chromium": false,
        "npx playwright install chromium": { [PW]: true },
      },
    });
    expect(findChromium(sys).path).toBe(PW);
    expect(ran).toEqual([
      "apt-get update",
      "apt-get install -y chromium",
      "npx playwright install chromium",
    ]);
  });

  it("stops with one line naming what to install when nothing works", () => {
    const { sys } = fakeSystem({
      playwright: PW,
      installs: { "npx playwright install chromium": false },
    });
    expect(() => findChromium(sys)).toThrow(NOTHING_FOUND);
    expect(NOTHING_FOUND).not.toContain("\n");
    expect(NOTHING_FOUND).toMatch(
      /apt-get install chromium.*npx playwright install chromium.*CHROMIUM_PATH/,
    );
  });
});

describe("isDebianLike", () => {
  it("reads ID and ID_LIKE", () => {
    expect(isDebianLike(DEBIAN)).toBe(true);
    expect(isDebianLike(UBUNTU)).toBe(true);
    expect(isDebianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true);
    expect(isDebianLike(FEDORA)).toBe(false);
    expect(isDebianLike("")).toBe(false);
  });
});
