/**
 * A cache of at most `limit` entries for values that are costly to compute and never go stale (a formatted
 * instant, a zone's canonical name). Not LRU: when full it simply starts again, which keeps it small and
 * cheap, and is safe when the keys come from callers (any string that looks like a zone name).
 */
export function boundedCache<Value>(limit: number): (key: string, compute: () => Value) => Value {
  const entries = new Map<string, Value>();
  return (key, compute) => {
    if (entries.has(key)) return entries.get(key)!;
    const value = compute();
    if (entries.size >= limit) entries.clear();
    entries.set(key, value);
    return value;
  };
}
