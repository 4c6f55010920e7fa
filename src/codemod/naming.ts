/** `openai` → `Openai`, `API_TOKEN` → `ApiToken`, `supabaseAdmin` → `SupabaseAdmin`. */
export function pascalCase(name: string): string {
  const words = /^[A-Z0-9_$]+$/.test(name) ? name.toLowerCase().split(/_+/) : name.split(/_+/);
  return words.filter(Boolean).map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** The first candidate not already taken; numbered when all are. */
export function unusedName(candidates: readonly string[], taken: ReadonlySet<string>): string {
  const free = candidates.find((candidate) => !taken.has(candidate));
  if (free) return free;
  const base = candidates[0] ?? 'create';
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}${suffix}`)) return `${base}${suffix}`;
}
