// Prompt alternations for the decision grid: `a {red|blue} car on {sand|snow}`.
// Each top-level `{…}` group becomes one grid axis whose values are its options,
// fully expanded: a nested group inside an option multiplies that option
// (`{a {big|small} dog|cat}` gives "a big dog", "a small dog", "cat"). A
// backslash makes the next character literal (`\{`, `\}`, `\|`, `\\`); an option
// may be empty (`{red|}`). Pure, so the expansion is property-tested.

export interface TemplatePart {
  /** literal text, or the index of the group whose chosen value goes here */
  text?: string;
  group?: number;
}

export interface PromptTemplate {
  parts: TemplatePart[];
  /** every top-level group's values, expanded, in the order they appear */
  groups: string[][];
}

export type TemplateParse =
  { ok: true; template: PromptTemplate } | { ok: false; message: string; at: number };

/** No group may expand to more values than a whole grid may have cells. */
export const GROUP_VALUES_MAX = 64;

class ParseError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** An option or the whole prompt: literal text interleaved with nested groups. */
type Sequence = (string | string[])[];

function product(seq: Sequence, at: number): string[] {
  let out = [""];
  for (const piece of seq) {
    const choices = typeof piece === "string" ? [piece] : piece;
    const next: string[] = [];
    for (const prefix of out) for (const c of choices) next.push(prefix + c);
    if (next.length > GROUP_VALUES_MAX) {
      throw new ParseError(
        `The group at character ${at + 1} expands to more than ${GROUP_VALUES_MAX} options.`,
        at,
      );
    }
    out = next;
  }
  return out;
}

export function parsePromptTemplate(text: string): TemplateParse {
  let i = 0;
  // Reads options until the group's closing brace; `start` is the `{`.
  const readGroup = (start: number): string[] => {
    const values: string[] = [];
    let seq: Sequence = [];
    let literal = "";
    const flush = () => {
      if (literal) seq.push(literal);
      literal = "";
    };
    while (i < text.length) {
      const ch = text[i] ?? "";
      if (ch === "\\" && i + 1 < text.length) {
        literal += text[i + 1];
        i += 2;
      } else if (ch === "{") {
        flush();
        const inner = i++;
        seq.push(readGroup(inner));
      } else if (ch === "|" || ch === "}") {
        flush();
        values.push(...product(seq, start));
        seq = [];
        i++;
        if (ch === "}") {
          if (values.length < 2) {
            throw new ParseError(
              `The group at character ${start + 1} has one option: add another with | or write the braces as \\{ \\}.`,
              start,
            );
          }
          const dup = values.find((v, k) => values.indexOf(v) !== k);
          if (dup !== undefined) {
            throw new ParseError(
              `The group at character ${start + 1} has “${dup}” twice: each option must differ.`,
              start,
            );
          }
          if (values.length > GROUP_VALUES_MAX) {
            throw new ParseError(
              `The group at character ${start + 1} has more than ${GROUP_VALUES_MAX} options.`,
              start,
            );
          }
          return values;
        }
      } else {
        literal += ch;
        i++;
      }
    }
    throw new ParseError(`The { at character ${start + 1} is never closed: add a }.`, start);
  };

  try {
    const parts: TemplatePart[] = [];
    const groups: string[][] = [];
    let literal = "";
    while (i < text.length) {
      const ch = text[i] ?? "";
      if (ch === "\\" && i + 1 < text.length) {
        literal += text[i + 1];
        i += 2;
      } else if (ch === "{") {
        if (literal) parts.push({ text: literal });
        literal = "";
        const start = i++;
        parts.push({ group: groups.length });
        groups.push(readGroup(start));
      } else if (ch === "}") {
        throw new ParseError(
          `The } at character ${i + 1} closes no group: remove it or write \\}.`,
          i,
        );
      } else {
        literal += ch;
        i++;
      }
    }
    if (literal) parts.push({ text: literal });
    return { ok: true, template: { parts, groups } };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, message: error.message, at: error.at };
    throw error;
  }
}

/**
 * The prompt for one choice per group. An empty option leaves two spaces where
 * it stood; runs of spaces become one and the ends are trimmed, so
 * `a {big|} dog` reads "a dog", not "a  dog".
 */
export function fillTemplate(template: PromptTemplate, choices: readonly number[]): string {
  let out = "";
  for (const part of template.parts) {
    if (part.text !== undefined) out += part.text;
    else if (part.group !== undefined) {
      out += template.groups[part.group]?.[choices[part.group] ?? 0] ?? "";
    }
  }
  return out.replace(/ {2,}/g, " ").trim();
}

/** Whether a prompt uses alternation syntax at all (an unescaped brace). */
export function hasAlternations(text: string): boolean {
  return /(^|[^\\])(\\\\)*[{}]/.test(text);
}
