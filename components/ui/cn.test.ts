// The merge keeps the caller's utility over the primitive's of the same kind,
// and never drops a class it does not know.
import { describe, expect, it } from "vitest";
import { cn, mergeClasses } from "./cn";

describe("cn", () => {
  it("lets a later utility of the same kind win", () => {
    expect(cn("h-8 px-2.5 text-sm", "h-7 px-2 text-right")).toBe("text-sm h-7 px-2 text-right");
    expect(mergeClasses("text-xs text-muted text-sm text-danger")).toBe("text-sm text-danger");
    expect(mergeClasses("inline-flex items-center flex items-start")).toBe("flex items-start");
    expect(mergeClasses("bg-raised bg-black/55 font-medium font-semibold")).toBe(
      "bg-black/55 font-semibold",
    );
  });

  it("keeps variants apart", () => {
    expect(mergeClasses("bg-raised hover:bg-subtle bg-background")).toBe(
      "hover:bg-subtle bg-background",
    );
    expect(mergeClasses("md:w-20 w-full")).toBe("md:w-20 w-full");
  });

  it("keeps what it does not know, and sides apart from the whole", () => {
    expect(mergeClasses("outline-2 outline-ring outline-offset-2")).toBe(
      "outline-2 outline-ring outline-offset-2",
    );
    expect(mergeClasses("rounded-md rounded-t-none border border-border")).toBe(
      "rounded-md rounded-t-none border border-border",
    );
    expect(mergeClasses("min-w-0 m-2 max-w-xs")).toBe("min-w-0 m-2 max-w-xs");
    expect(mergeClasses("p-2 p-2")).toBe("p-2");
  });

  it("joins conditional classes like clsx", () => {
    expect(cn("a", false, null, { b: true, c: false }, ["d"])).toBe("a b d");
  });

  it("gives the same merge from its memory, also after the memory filled and was emptied", () => {
    const first = cn("p-2 text-sm", "p-4");
    for (let i = 0; i < 1500; i++) expect(cn(`w-${i}`, "w-1")).toBe("w-1");
    expect(cn("p-2 text-sm", "p-4")).toBe(first);
    expect(first).toBe("text-sm p-4");
  });
});
