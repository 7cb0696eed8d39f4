// The policy's settings described for people, read off the one schema that defines them
// (policy.values.ts): the console's editor labels each setting with these words.
import { z } from "zod";
import { policyMeta, type PolicyUnit } from "./policy.meta.js";
import { policyValuesSchema } from "./policy.values.js";

export type PolicyFieldKind = "NUMBER" | "BOOLEAN" | "CHOICE" | "CHOICE_LIST" | "NUMBER_LIST";

export interface PolicyFieldInfo {
  /** The dotted path, e.g. "tardiness.latePenaltyBps" (as in `updatePolicy` changes). */
  key: string;
  section: string;
  sectionLabel: string;
  label: string;
  description: string;
  unit: PolicyUnit | null;
  kind: PolicyFieldKind;
  min: number | null;
  max: number | null;
  /** The largest number of entries of a list. */
  maxItems: number | null;
  defaultValue: unknown;
  options: { value: string; label: string }[];
}

const unwrap = (s: z.ZodType): z.ZodType => (s instanceof z.ZodDefault || s instanceof z.ZodPrefault ? unwrap(s.unwrap() as z.ZodType) : s);

function kindOf(key: string, inner: z.ZodType): Pick<PolicyFieldInfo, "kind" | "min" | "max" | "maxItems"> {
  if (inner instanceof z.ZodNumber) return { kind: "NUMBER", min: inner.minValue, max: inner.maxValue, maxItems: null };
  if (inner instanceof z.ZodBoolean) return { kind: "BOOLEAN", min: null, max: null, maxItems: null };
  if (inner instanceof z.ZodEnum) return { kind: "CHOICE", min: null, max: null, maxItems: null };
  if (inner instanceof z.ZodArray) {
    const el = inner.element as z.ZodType;
    const maxLength = (inner._zod.def.checks ?? []).map((c) => c._zod.def as { check: string; maximum?: number }).find((c) => c.check === "max_length");
    const maxItems = maxLength?.maximum ?? null;
    if (el instanceof z.ZodEnum) return { kind: "CHOICE_LIST", min: null, max: null, maxItems };
    if (el instanceof z.ZodNumber) return { kind: "NUMBER_LIST", min: el.minValue, max: el.maxValue, maxItems };
  }
  throw new Error(`policy setting ${key}: no editor kind for this schema`);
}

function describe(): PolicyFieldInfo[] {
  const defaults = policyValuesSchema.parse({}) as Record<string, Record<string, unknown>>;
  const out: PolicyFieldInfo[] = [];
  for (const [section, sectionSchema] of Object.entries(policyValuesSchema.shape)) {
    const sectionText = policyMeta.get(sectionSchema);
    const shape = (unwrap(sectionSchema) as z.ZodObject).shape;
    for (const [name, schema] of Object.entries(shape)) {
      const key = `${section}.${name}`;
      const meta = policyMeta.get(schema as z.ZodType);
      // Declared through the helpers of policy.meta.ts, every setting has its words; a bare zod
      // schema would leave the console with a code name only.
      if (!meta || !sectionText) throw new Error(`policy setting ${key} has no label (declare it with the helpers of policy.meta.ts)`);
      out.push({
        key,
        section,
        sectionLabel: sectionText.label,
        label: meta.label,
        description: meta.description,
        unit: meta.unit ?? null,
        ...kindOf(key, unwrap(schema as z.ZodType)),
        defaultValue: defaults[section][name],
        options: Object.entries(meta.options ?? {}).map(([value, label]) => ({ value, label })),
      });
    }
  }
  return out;
}

let cached: PolicyFieldInfo[] | undefined;
/** Every setting of the policy in schema order, with its words, bounds and allowed values. */
export function describePolicy(): PolicyFieldInfo[] {
  return (cached ??= describe());
}
