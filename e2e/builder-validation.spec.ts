import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";

test("each field's error shows under it, keeps what was typed, and nothing is sent", async ({
  page,
  studio,
}) => {
  const submits: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/workflows")
      submits.push(r.url());
  });
  await studio.goto();

  // Passing through the untouched prompt says nothing yet.
  await studio.prompt.focus();
  await studio.page.keyboard.press("Tab");
  await expect(studio.prompt).not.toHaveAttribute("aria-invalid");
  await expect(studio.builder.getByRole("alert")).toHaveCount(0);

  // Empty prompt: the error sits under the prompt, which gets focus.
  await studio.generate.click();
  await expect(studio.prompt).toHaveAttribute("aria-invalid", "true");
  await expect(studio.prompt).toHaveAccessibleDescription(/Describe the image first\./);
  await expect(studio.prompt).toBeFocused();

  await studio.prompt.fill("   ");
  await expect(studio.prompt).toHaveAccessibleDescription(/the prompt is only spaces/);
  await expect(studio.prompt).toHaveValue("   ");

  const long = "x".repeat(5001);
  await studio.prompt.fill(long);
  await expect(studio.prompt).toHaveAccessibleDescription(
    /Shorten the prompt to 5,000 characters or fewer/,
  );
  await expect(studio.prompt).toHaveValue(long);
  await expect(studio.builder.getByText("5001 / 5000")).toBeVisible();

  // Quantity out of range: checked as it is edited; the text stays.
  for (const [typed, message] of [
    ["11", /Choose at most 10 images per Generate/],
    ["0", /Choose at least 1 image/],
    ["2.5", /Choose a whole number of images, 1 to 10/],
  ] as const) {
    await studio.quantity.fill(typed);
    await studio.quantity.blur();
    await expect(studio.quantity).toHaveAttribute("aria-invalid", "true");
    await expect(studio.quantity).toHaveAccessibleDescription(message);
    await expect(studio.quantity).toHaveValue(typed);
    await expect(studio.generate).toHaveAccessibleName("Generate");
  }

  for (const typed of ["12ab", "2147483648", "-3"]) {
    await studio.seed.fill(typed);
    await studio.seed.blur();
    await expect(studio.seed).toHaveAttribute("aria-invalid", "true");
    await expect(studio.seed).toHaveAccessibleDescription(
      /A seed is a whole number from 0 to 2,147,483,647/,
    );
    await expect(studio.seed).toHaveValue(typed);
    // The note under the field does not promise the seed it just refused.
    await expect(studio.builder.getByText(/uses seed|uses the same seed/)).toHaveCount(0);
  }

  await studio.generate.click();
  await expectNoSeriousA11yViolations(page);
  await expect(studio.prompt).toHaveValue(long);
  await expect(studio.quantity).toHaveValue("2.5");
  await expect(studio.seed).toHaveValue("-3");

  // Fixing a field clears its error as it is typed.
  await studio.prompt.fill("fixed");
  await expect(studio.prompt).not.toHaveAttribute("aria-invalid");
  await studio.quantity.fill("2");
  await expect(studio.quantity).not.toHaveAttribute("aria-invalid");
  await studio.seed.fill("");
  await expect(studio.seed).not.toHaveAttribute("aria-invalid");
  await expect(studio.generate).toHaveAccessibleName("Generate 2 images · 78 Buzz");
  expect(submits).toEqual([]);
});

test("the API refuses a seed past int32 with 400 naming the range, and takes 2147483647", async ({
  request,
}) => {
  const send = (seed: number) =>
    request.post("/api/workflows?wait=0", {
      headers: { "Idempotency-Key": `e2e-seed-${seed}-${Date.now()}` },
      data: { prompt: "seed range", seed },
    });
  const over = await send(2_147_483_648);
  expect(over.status()).toBe(400);
  expect(over.headers()["content-type"]).toMatch(/^application\/problem\+json/);
  expect((await over.json()).errors.seed).toEqual([
    "seed must be a whole number from 0 to 2147483647",
  ]);
  const max = await send(2_147_483_647);
  expect(max.status(), await max.text()).toBe(201);
  expect((await max.json()).input.seed).toBe(2_147_483_647);
});
