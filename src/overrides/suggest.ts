/** "Did you mean …" for misspelt table and column names. */

/** Levenshtein distance (insert, delete, substitute), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[t.length]!;
}

/**
 * Up to `limit` candidates nearest to `name`, closest first, among those within a distance that
 * grows with the name's length (a third of it, at least 2) and at most one more than the
 * closest: far-off names are not suggestions.
 */
export function nearest(name: string, candidates: readonly string[], limit = 3): string[] {
  const threshold = Math.max(2, Math.floor(name.length / 3));
  const near = [...new Set(candidates)]
    .map((candidate) => ({ candidate, distance: editDistance(name, candidate) }))
    .filter((c) => c.distance <= threshold)
    .sort((x, y) => x.distance - y.distance || x.candidate.localeCompare(y.candidate));
  // names sharing a long prefix (`public.`) are all "near": keep those about as close as the best
  const best = near[0]?.distance ?? 0;
  return near.filter((c) => c.distance <= best + 1).slice(0, limit).map((c) => c.candidate);
}

/** ` (did you mean "a" or "b"?)`, or '' when nothing is near. */
export function didYouMean(name: string, candidates: readonly string[]): string {
  const found = nearest(name, candidates);
  if (found.length === 0) return '';
  const quoted = found.map((c) => `"${c}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return ` (did you mean ${list}?)`;
}
