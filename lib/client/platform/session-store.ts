// sessionStorage, read and written defensively: it can be missing (server
// render), disabled (privacy settings) or full, and a failure there must never
// break generating. What is kept here dies with the tab, on purpose: a draft or
// a pending submit belongs to this window, not to every tab of the studio.

export type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** The tab's sessionStorage, or null where there is none. */
export function sessionStore(): KeyValueStore | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function readJsonItem(store: KeyValueStore | null, key: string): unknown {
  if (!store) return undefined;
  try {
    const text = store.getItem(key);
    return text === null ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function writeJsonItem(store: KeyValueStore | null, key: string, value: unknown): void {
  if (!store) return;
  try {
    if (value === undefined) store.removeItem(key);
    else store.setItem(key, JSON.stringify(value));
  } catch {
    // Full or disabled storage: the studio works on, it only forgets sooner.
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** An in-memory store with the same interface, for tests. */
export function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}
