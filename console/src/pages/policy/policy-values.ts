// Policy values are nested sections of leaves (numbers, booleans, enum strings, number or name lists). The editor
// works on dotted paths and sends only the changed leaves back as a partial object.
export type Leaf = number | string | boolean | number[] | string[];
export type Flat = Record<string, Leaf>;

export function flatten(values: unknown, prefix = ""): Flat {
  const out: Flat = {};
  if (!values || typeof values !== "object" || Array.isArray(values)) return out;
  for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v)) Object.assign(out, flatten(v, path));
    else out[path] = v as Leaf;
  }
  return out;
}

export function unflatten(flat: Flat): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, v] of Object.entries(flat)) {
    const keys = path.split(".");
    let node = out;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]] = v;
  }
  return out;
}

export const same = (a: Leaf | undefined, b: Leaf | undefined) => JSON.stringify(a) === JSON.stringify(b);

export const show = (v: Leaf | undefined) => (v === undefined ? "—" : Array.isArray(v) ? v.join(", ") : String(v));

/** Parses what was typed into the input for a leaf shaped like `like`. */
export function parseLeaf(text: string, like: Leaf): Leaf | Error {
  if (typeof like === "number") {
    const n = Number(text.trim());
    return text.trim() === "" || !Number.isFinite(n) ? new Error("a number") : n;
  }
  if (typeof like === "boolean") return text === "true";
  if (Array.isArray(like)) {
    const raw = text.split(",").map((s) => s.trim()).filter(Boolean);
    // Lists of names (e.g. which session states verify a complaint) stay text; the API validates them.
    if (typeof like[0] === "string" || (!like.length && raw.some((s) => !Number.isFinite(Number(s))))) return raw;
    const parts = raw.map(Number);
    return parts.some((n) => !Number.isFinite(n)) ? new Error("numbers separated by commas") : parts;
  }
  return text.trim();
}

/** Leaves that differ between two versions (for the history view). */
export function diff(before: unknown, after: unknown): { path: string; from?: Leaf; to?: Leaf }[] {
  const a = flatten(before);
  const b = flatten(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.filter((k) => !same(a[k], b[k])).map((k) => ({ path: k, from: a[k], to: b[k] }));
}

export const humanize = (key: string) => key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());
