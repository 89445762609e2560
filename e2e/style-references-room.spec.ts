import { expect, test } from "./support/fixtures";
import { pngFile, ReferencesPanel } from "./support/references";

// Room for references (at most ten): a drop that does not fit adds what does and
// names the rest; "remove one first" goes as soon as there is room; a removed
// reference comes back with Undo; a link whose check failed warns on Generate.

const links = (n: number) =>
  Array.from({ length: n }, (_, i) => `https://example.com/room-${i + 1}.png`);

test("a drop larger than the room adds what fits, names the rest, and room clears the refusal", async ({
  page,
  studio,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const refs = new ReferencesPanel(page);
  await studio.goto();
  await refs.drop({ uriList: links(9).join("\r\n") });
  await expect(refs.rows).toHaveCount(9);
  await refs.settled();

  await refs.drop({
    files: [
      await pngFile("a.png", "#aa3333"),
      await pngFile("b.png", "#33aa33"),
      await pngFile("c.png", "#3333aa"),
    ],
  });
  await expect(refs.rows).toHaveCount(10);
  await expect(refs.row(10)).toHaveAccessibleName("Reference 10: a.png");
  await expect(refs.messages).toContainText("added 1 of 3. Left out: “b.png” and “c.png”.");
  // Said where the designer is looking, not below the fold.
  await expect(refs.messages).toBeInViewport();
  await refs.settled();

  // Full: one more is refused. Removing one makes room, and the refusal goes.
  await refs.urlField.fill("https://example.com/room-11.png");
  await refs.urlField.press("Enter");
  await expect(refs.messages).toContainText("remove one first");
  const before = await refs.names();
  await refs.section.getByRole("button", { name: "Remove reference 3" }).click();
  await expect(refs.rows).toHaveCount(9);
  await expect(refs.messages).toHaveCount(0);

  // Undo puts it back in its place.
  await studio.toast("Removed reference 3").getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => refs.names()).toEqual(before);

  await refs.urlField.press("Enter");
  await expect(refs.messages).toContainText("remove one first");
  await refs.section.getByRole("button", { name: "Remove all" }).click();
  await expect(refs.rows).toHaveCount(0);
  await expect(refs.messages).toHaveCount(0);
});

test("a reference whose check failed can be sent, and Generate says it may fail the job", async ({
  page,
  studio,
}) => {
  const refs = new ReferencesPanel(page);
  await studio.goto();
  await studio.prompt.fill(studio.uniquePrompt("a warned reference"));
  // No internet here: the link cannot be checked, so the row warns and stays usable.
  await refs.urlField.fill("https://example.com/unchecked.png");
  await refs.urlField.press("Enter");
  await refs.settled();
  await expect(studio.generate).toBeEnabled();
  await expect(studio.generate).toHaveAccessibleDescription(
    "Reference 1 could not be checked: the job may fail if Krea cannot fetch it.",
  );
});
