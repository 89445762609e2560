// The primitives' contract: a Button is type="button" unless it says submit,
// a caller's class wins over the variant's, an icon button must be named, and
// a Field ties its hint and error to the control.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, buttonClass } from "./button";
import { Field, inputClass } from "./field";

describe("Button", () => {
  it("is type=button unless it says submit", () => {
    expect(renderToStaticMarkup(<Button>Save</Button>)).toContain('type="button"');
    expect(renderToStaticMarkup(<Button type="submit">Save</Button>)).toContain('type="submit"');
  });

  it("lets the caller's utilities win over the variant's", () => {
    const cls = buttonClass({ variant: "primary", size: "sm", className: "px-2 text-sm" });
    expect(cls.split(" ")).toEqual(expect.arrayContaining(["bg-accent", "h-7", "px-2", "text-sm"]));
    expect(cls).not.toMatch(/\bpx-2\.5\b|\btext-xs\b/);
  });

  it("has a visible focus ring and a disabled look", () => {
    const cls = buttonClass({});
    expect(cls).toContain("focus-visible:outline-ring");
    expect(cls).toContain("disabled:opacity-60");
  });

  it("asks for an accessible name on icon-only buttons", () => {
    // @ts-expect-error an icon button without aria-label does not compile
    const unnamed = <Button variant="icon">×</Button>;
    expect(unnamed).toBeTruthy();
    expect(renderToStaticMarkup(<Button variant="icon" aria-label="Close" />)).toContain(
      'aria-label="Close"',
    );
  });
});

describe("Field", () => {
  const render = (error?: string) =>
    renderToStaticMarkup(
      <Field id="name" label="Name" hint="Shown on the card" error={error}>
        {(control) => <input {...control} className={inputClass} />}
      </Field>,
    );

  it("labels the control and describes it by its hint", () => {
    const html = render();
    expect(html).toContain('for="name"');
    expect(html).toContain('aria-describedby="name-hint"');
    expect(html).not.toContain("aria-invalid");
  });

  it("writes the error next to the control and points at it", () => {
    const html = render("A name is needed");
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="name-error name-hint"');
    expect(html).toMatch(/<p id="name-error" role="alert"[^>]*>.*A name is needed/);
    expect(html.indexOf('name-error" role')).toBeLessThan(html.indexOf('id="name-hint"'));
  });
});
