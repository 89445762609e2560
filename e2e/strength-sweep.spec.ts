import { expect, test } from "./support/gallery-fixtures";
import { ReferencesPanel } from "./support/references";

// The strength sweep sends the strengths as typed, at the slider's precision,
// and refuses a list it would have to change instead of trimming it.

test("a strength sweep sends 0.25, 0.75 and −0.15 as typed, and refuses eleven values by name", async ({
  page,
  studio,
}) => {
  const refs = new ReferencesPanel(page);
  const prompt = studio.uniquePrompt("Sweep precision");
  await studio.goto();
  await studio.prompt.fill(prompt);
  await refs.urlField.fill("https://example.com/sweep.png");
  await refs.urlField.press("Enter");
  await refs.settled();

  await studio.builder.getByRole("button", { name: /^Strength sweep/ }).click();
  const dialog = page.getByRole("dialog", { name: "Strength sweep" });
  const field = dialog.getByRole("textbox", { name: "Strengths" });
  const run = dialog.getByRole("button", { name: /^Run sweep/ });

  await field.fill("-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 0.25, 0.75");
  await expect(field).toHaveAccessibleDescription(/At most 6 strengths .* you typed 11\. Remove 5/);
  await expect(run).toBeDisabled();
  await field.fill("0.25, 0.27");
  await expect(field).toHaveAccessibleDescription(/steps of 0\.05: 0\.27/);
  await expect(run).toBeDisabled();

  await field.fill("0.25, 0.75, -0.15");
  await expect(field).toHaveAccessibleDescription("3 generations: −0.15, +0.25, +0.75");
  await run.click();
  await expect
    .poll(async () =>
      (await studio.generationsWithPrompt(prompt))
        .map((g) => g.input?.imageStyleReferences[0]?.strength)
        .sort(),
    )
    .toEqual([-0.15, 0.25, 0.75]);
  // The sweep's columns say what was sent, not a rounding of it.
  for (const label of ["Strength −0.15", "Strength +0.25", "Strength +0.75"])
    await expect(studio.gallery.getByText(label, { exact: true })).toBeVisible();
});
