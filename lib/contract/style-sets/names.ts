// Two sets may share a name, but never unnoticed: the rename field and the save
// dialog warn while the name is typed.

/** A warning when another live set (not `selfId`) already has `name`, case-insensitively. */
export function nameClash(
  name: string,
  sets: readonly { id: string; name: string }[],
  selfId?: string,
): string | null {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return null;
  const other = sets.find((s) => s.id !== selfId && s.name.trim().toLowerCase() === wanted);
  return other
    ? `Another set is already called “${other.name}”: colleagues will not tell them apart in the picker. Pick another name, or save anyway.`
    : null;
}
