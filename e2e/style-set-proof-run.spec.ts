import { expectNoSeriousA11yViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { ReferencesPanel } from "./support/references";
import { createSetVia, StyleSetPages, uniqueName } from "./support/style-set-pages";

// Proof a version, compare it with the approved one in the wipe view, approve
// it from there: the builder's picker then lists the set first with its badge.
// Every render is a real workflow on the embedded engine.

const ink = { imageUrl: "https://example.com/ink.png", strength: 1, label: "ink.png" };
const proof = { prompts: ["a red door at dusk", "a quiet harbour"], tier: "medium", seed: 7 };

test("proof a version, compare with the approved one, approve it: the picker orders and badges it", async ({
  page,
}) => {
  const pages = new StyleSetPages(page);
  const name = uniqueName("Proofed");
  const set = await createSetVia(page.request, { name, references: [ink], author: "Ana" });
  const patched = await page.request.patch(`/api/style-sets/${set.id}`, {
    data: { proof, version: 1, author: "Ana" },
  });
  expect(patched.status()).toBe(200);
  // A draft that stays below the approved set in the picker.
  const other = await createSetVia(page.request, { name: uniqueName("Other"), references: [ink] });

  await pages.openSet(set.id);
  await pages.signAs("Ana");
  const proofs = pages.proofs();
  await expect(proofs).toContainText("No version of this set was approved yet");
  // Approving without proofs stays possible, but the Status section says it is not proofed.
  const approveNow = page
    .getByRole("region", { name: "Status" })
    .getByRole("button", { name: "Approve version 2" });
  await expect(approveNow).toHaveAccessibleDescription(/^Not proofed: version 2 has no proof/);
  await expect(approveNow).toBeEnabled();
  // Enter in a field spends nothing: only the dialog's Render button sends.
  await pages.proofSettings().getByRole("textbox", { name: "Proof seed" }).press("Enter");
  await pages
    .proofSettings()
    .getByRole("textbox", { name: "Test prompt 1", exact: true })
    .press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // The cost first; a double click on the confirmation still renders each prompt once.
  await pages.proofThisVersion();
  const dialog = page.getByRole("dialog", { name: `Proof version 2 of “${name}”` });
  await expect(dialog.getByRole("status")).toContainText("2 proofs · 92 Buzz");
  await expect(dialog.getByRole("status")).toContainText("confirmed by the orchestrator");
  expect(
    (await (await page.request.get(`/api/workflows?styleSet=${set.id}`)).json()).items,
  ).toEqual([]);
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "Render 2 proofs · 92 Buzz" }).dblclick();
  await expect(dialog).toBeHidden();
  await expect(proofs.getByText("2 of 2 proofs rendered")).toBeVisible({ timeout: 30_000 });
  await expect(proofs.getByRole("img", { name: "Version 2: a red door at dusk" })).toBeVisible();
  await expect(approveNow).toHaveAccessibleDescription("");
  await expectNoSeriousA11yViolations(page);
  const made = await (await page.request.get(`/api/workflows?styleSet=${set.id}`)).json();
  expect(made.items).toHaveLength(2);

  await proofs.getByRole("button", { name: "Approve version 2 from its proofs" }).click();
  await expect(page.getByText(/approved by Ana/)).toBeVisible();

  // A new version: its proofs sit beside version 2's, per prompt.
  const edited = await page.request.patch(`/api/style-sets/${set.id}`, {
    data: { references: [{ ...ink, strength: -0.5 }], version: 2, author: "Ben" },
  });
  expect(edited.status()).toBe(200);
  await pages.openSet(set.id);
  await expect(proofs).toContainText("beside version 2's (the approved version)");
  await expect(
    proofs.getByRole("img", { name: "Version 2 (approved): a quiet harbour" }),
  ).toBeVisible();
  await pages.proofThisVersion();
  await page
    .getByRole("dialog", { name: `Proof version 3 of “${name}”` })
    .getByRole("button", { name: /Render 2 proofs/ })
    .click();
  await expect(proofs.getByText("2 of 2 proofs rendered")).toBeVisible({ timeout: 30_000 });
  const harbour = proofs.getByRole("listitem", { name: "Test prompt 2" });
  await expect(harbour.getByRole("img", { name: "Version 3: a quiet harbour" })).toBeVisible();
  await harbour.getByRole("button", { name: "Compare test prompt 2 with version 2" }).click();
  const wipe = page.getByRole("dialog", { name: "Wipe view: version 2 (approved) vs version 3" });
  await expect(wipe.getByRole("img", { name: /^Version 3: .*a quiet harbour/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.keyboard.press("Escape");
  await expect(wipe).toBeHidden();

  // One click approves, signed by the name kept in this browser.
  await proofs.getByRole("button", { name: "Approve version 3 from its proofs" }).click();
  await expect(page.getByText(/Version 3, last edited by Ben · approved by Ana/)).toBeVisible();
  // The proofs stay with the version: its page shows why it was approved.
  await pages.openSet(set.id, 3);
  await expect(proofs.getByRole("img", { name: "Version 3: a red door at dusk" })).toBeVisible();
  await expect(proofs).toContainText("Version 3 is the approved version");

  await page.goto("/");
  const refs = new ReferencesPanel(page);
  await refs.section.getByRole("button", { name: "Style sets" }).click();
  const rows = page
    .getByRole("dialog", { name: "Style sets" })
    .getByRole("list", { name: "Saved style sets" })
    .getByRole("listitem");
  await expect(rows.filter({ hasText: name })).toContainText("Approved · v3 · Ben");
  const order = await rows.evaluateAll((items) => items.map((li) => li.textContent ?? ""));
  const mine = order.findIndex((t) => t.includes(name));
  expect(mine).toBeLessThan(order.findIndex((t) => t.includes(other.name)));
});
