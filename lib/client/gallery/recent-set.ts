// A set that remembers only its latest `limit` entries: a page-long memory of
// things seen (image URLs shown) that must not grow with the history scrolled.
export interface RecentSet<T> {
  add(value: T): void;
  has(value: T): boolean;
  readonly size: number;
}

export function recentSet<T>(limit: number): RecentSet<T> {
  const items = new Set<T>();
  return {
    add(value) {
      // Re-adding moves it to the newest end; the oldest goes once over the limit.
      items.delete(value);
      items.add(value);
      if (items.size <= limit) return;
      const oldest = items.values().next();
      if (!oldest.done) items.delete(oldest.value);
    },
    has: (value) => items.has(value),
    get size() {
      return items.size;
    },
  };
}
