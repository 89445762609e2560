// What the builder shows under a field, written for people. The API keeps the
// orchestrator's phrases ("quantity must be at most 10", DESIGN.md), so scripts
// and the engine read the same words as Civitai's; the form translates the
// phrases it knows, by exact match on the shared constants, and shows any
// other message (a new server rule) as it came.
import {
  MAX_REFERENCES_MESSAGE,
  MESSAGES,
  oneOf,
  STRENGTH_MESSAGE,
} from "@/lib/contract/krea/messages";
import {
  ASPECT_RATIOS,
  CREATIVITY_LEVELS,
  KREA_SIZES,
  PROMPT_MAX,
  QUANTITY_MAX,
  QUANTITY_MIN,
  SEED_MAX,
  STYLE_REFERENCES_MAX,
} from "@/lib/contract/krea/options";

const number = (n: number) => n.toLocaleString("en-US");
const REFERENCE_URL =
  "This style reference has no usable image address: remove it and add it again.";

const FOR_PEOPLE: ReadonlyMap<string, string> = new Map([
  [MESSAGES.promptRequired, "Describe the image first."],
  [MESSAGES.promptBlank, "Describe the image first: the prompt is only spaces."],
  [MESSAGES.promptTooLong, `Shorten the prompt to ${number(PROMPT_MAX)} characters or fewer.`],
  [MESSAGES.quantityType, `Choose a whole number of images, ${QUANTITY_MIN} to ${QUANTITY_MAX}.`],
  [MESSAGES.quantityMin, `Choose at least ${QUANTITY_MIN} image.`],
  [MESSAGES.quantityMax, `Choose at most ${QUANTITY_MAX} images per Generate.`],
  [
    MESSAGES.seed,
    `A seed is a whole number from 0 to ${number(SEED_MAX)}. Leave it empty for a random one.`,
  ],
  [
    MAX_REFERENCES_MESSAGE,
    `At most ${STYLE_REFERENCES_MAX} style references: remove one to add another.`,
  ],
  [STRENGTH_MESSAGE, "Strength goes from −2 (avoid this style) to 2 (follow it closely)."],
  [MESSAGES.imageUrlRequired, REFERENCE_URL],
  [MESSAGES.imageUrlScheme, REFERENCE_URL],
  [
    MESSAGES.imageUrlTooLong,
    "This style reference's address is too long: upload the image instead.",
  ],
  [oneOf("size", KREA_SIZES), "Pick a tier: Medium or Large."],
  [oneOf("aspectRatio", ASPECT_RATIOS), "Pick one of the aspect ratios shown."],
  [oneOf("creativity", CREATIVITY_LEVELS), "Pick a creativity level: raw, low, medium or high."],
]);

/** The people's version of a contract message, or the message itself when none is known. */
export function fieldMessage(message: string): string {
  return FOR_PEOPLE.get(message) ?? message;
}
