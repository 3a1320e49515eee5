/** Plain-JSON copies without the DOM's structuredClone, safe on hostile input. */

const MAX_DEPTH = 64;

/** A deep copy of data the codecs built themselves (known to be plain, acyclic JSON). */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A deep copy of untrusted input as plain JSON, or undefined when it is not plain JSON
 * (a cycle, nesting deeper than 64, a throwing getter, a function, a non-finite number).
 */
export function copyJson(value: unknown): unknown {
  const onPath = new Set<object>();
  const copy = (v: unknown, depth: number): { ok: true; value: unknown } | { ok: false } => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return { ok: true, value: v };
    if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false };
    if (typeof v !== 'object' || depth > MAX_DEPTH || onPath.has(v)) return { ok: false };
    onPath.add(v);
    try {
      if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (let i = 0; i < v.length; i++) {
          const item = copy(v[i], depth + 1);
          if (!item.ok) return item;
          out.push(item.value);
        }
        return { ok: true, value: out };
      }
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        const raw = (v as Record<string, unknown>)[key];
        if (raw === undefined) continue;
        const item = copy(raw, depth + 1);
        if (!item.ok) return item;
        out[key] = item.value;
      }
      return { ok: true, value: out };
    } catch {
      return { ok: false };
    } finally {
      onPath.delete(v);
    }
  };
  const result = copy(value, 0);
  return result.ok ? result.value : undefined;
}
