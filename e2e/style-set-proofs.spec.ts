import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { createSetVia, StyleSetPages, uniqueName } from "./support/style-set-pages";

// Proof settings on a set's page: test prompts, tier and seed are an edit of the
// set (a version with a history line); a bad entry gets a message next to its
// field and nothing the designer typed is lost.

const ink = { imageUrl: "https://example.com/ink.png", strength: 1, label: "ink.png" };

test("proof settings: a message next to a bad field, then saved as a version with a history line", async ({
  page,
}) => {
  const pages = new StyleSetPages(page);
  const set = await createSetVia(page.request, {
    name: uniqueName("Proofed"),
    references: [ink],
    author: "Ana",
  });
  await pages.openSet(set.id);
  const form = pages.proofSettings();

  await pages.fillProofSettings(["a red door at dusk", "   "], "Large", "7");
  await form.getByRole("button", { name: "Save proof settings" }).click();
  const second = form.getByRole("textbox", { name: "Test prompt 2", exact: true });
  await expect(second).toHaveAttribute("aria-invalid", "true");
  await expect(second).toHaveAccessibleDescription(/cannot be empty/);
  await expect(form.getByRole("textbox", { name: "Test prompt 1", exact: true })).toHaveValue(
    "a red door at dusk",
  );
  await expect(pages.versions()).toHaveCount(1);

  await second.fill("a quiet harbour");
  await form.getByRole("textbox", { name: "Proof seed" }).fill("2147483648");
  await form.getByRole("button", { name: "Save proof settings" }).click();
  await expect(form.getByRole("textbox", { name: "Proof seed" })).toHaveAccessibleDescription(
    /whole number from 0 to 2,147,483,647/,
  );

  await form.getByRole("textbox", { name: "Proof seed" }).fill("7");
  await form.getByRole("button", { name: "Save proof settings" }).click();
  await expect(pages.versions()).toHaveCount(2);
  await expect(pages.changes(2)).toHaveText("Proof settings: 2 test prompts, large, seed 7");

  // Stored with the set: a reload shows them.
  await page.reload();
  await expect(form.getByRole("textbox", { name: "Test prompt 2", exact: true })).toHaveValue(
    "a quiet harbour",
  );
  await expect(form.getByRole("combobox", { name: "Proof tier" })).toHaveValue("large");
  await expectNoSeriousA11yViolations(page);
});
