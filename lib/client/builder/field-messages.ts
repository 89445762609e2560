// What the builder shows under a field, written for people. The API keeps the
// orchestrator's phrases ("quantity must be at most 10", DESIGN.md), so scripts
// and the engine read the same words as Civitai's; the form translates the
// phrases it knows, by exact match on the shared constants, and shows any
// other message (a new server rule) as it came.
import { KREA_FIELDS, rowsOf } from "@/lib/contract/krea/fields";
import { MAX_REFERENCES_MESSAGE, MESSAGES, STRENGTH_MESSAGE } from "@/lib/contract/krea/messages";
import { PROMPT_MAX, QUANTITY_MAX, QUANTITY_MIN } from "@/lib/contract/krea/options";

const number = (n: number) => n.toLocaleString("en-US");
const REFERENCE_URL =
  "This style reference has no usable image address: remove it and add it again.";

// Each row's `message` is the people's words for its main refusal; the finer
// refusals of a field (too long, at most…) are worded here.
const FOR_PEOPLE: ReadonlyMap<string, string> = new Map([
  [MESSAGES.promptRequired, KREA_FIELDS.prompt.message],
  [MESSAGES.promptBlank, "Describe the image first: the prompt is only spaces."],
  [MESSAGES.promptTooLong, `Shorten the prompt to ${number(PROMPT_MAX)} characters or fewer.`],
  [MESSAGES.quantityType, KREA_FIELDS.quantity.message],
  [MESSAGES.quantityMin, `Choose at least ${QUANTITY_MIN} image.`],
  [MESSAGES.quantityMax, `Choose at most ${QUANTITY_MAX} images per Generate.`],
  [MESSAGES.seed, KREA_FIELDS.seed.message],
  [MAX_REFERENCES_MESSAGE, KREA_FIELDS.imageStyleReferences.message],
  [STRENGTH_MESSAGE, "Strength goes from −2 (avoid this style) to 2 (follow it closely)."],
  [MESSAGES.imageUrlRequired, REFERENCE_URL],
  [MESSAGES.imageUrlScheme, REFERENCE_URL],
  [
    MESSAGES.imageUrlTooLong,
    "This style reference's address is too long: upload the image instead.",
  ],
  ...rowsOf("enum").map(([, row]) => [row.error, row.message] as const),
]);

/** The people's version of a contract message, or the message itself when none is known. */
export function fieldMessage(message: string): string {
  return FOR_PEOPLE.get(message) ?? message;
}
