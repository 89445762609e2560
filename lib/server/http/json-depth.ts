// JSON.parse accepts any nesting, but later steps (validation, storage,
// JSON.stringify) recurse and can overflow the stack on a hostile body. Bodies
// are refused when they nest deeper than any real request needs. Iterative, so
// the check itself cannot overflow.
import "server-only";

export const MAX_JSON_DEPTH = 32;

export function exceedsDepth(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (!item || item.value === null || typeof item.value !== "object") continue;
    if (item.depth >= limit) return true;
    const children = Array.isArray(item.value) ? item.value : Object.values(item.value);
    for (const child of children) {
      if (child !== null && typeof child === "object")
        stack.push({ value: child, depth: item.depth + 1 });
    }
  }
  return false;
}
