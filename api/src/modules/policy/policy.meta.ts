// The building blocks of the policy schema: each setting is declared once with its bounds, its
// default and its words for people (label, description, unit, option labels). The console's
// editor reads those words through `policyFields`, so a new setting cannot be added without them.
import { z } from "zod";

export interface PolicyText {
  /** A short human name ("Late penalty"). */
  label: string;
  /** What the setting does, in a sentence or two. */
  description: string;
}
export type PolicyUnit = "minutes" | "hours" | "days" | "seconds" | "weeks" | "count" | "basis points" | "percent" | "characters" | "score";
export interface PolicyMeta extends PolicyText {
  unit?: PolicyUnit;
  /** Labels of the allowed values of a choice (or a list of choices). */
  options?: Record<string, string>;
}

/** Where the words of every section and setting live (read back by `describePolicy`). */
export const policyMeta = z.registry<PolicyMeta>();

const int = (min: number, max: number, d: number, unit: PolicyUnit, text: PolicyText) =>
  z.number().int().min(min).max(max).default(d).register(policyMeta, { ...text, unit });

export const minutes = (d: number, text: PolicyText) => int(0, 60 * 24 * 365, d, "minutes", text);
export const hours = (d: number, text: PolicyText) => int(0, 24 * 365, d, "hours", text);
export const days = (d: number, text: PolicyText) => int(0, 3650, d, "days", text);
export const count = (d: number, text: PolicyText) => int(1, 1000, d, "count", text);
/** Fee multipliers in basis points: 10000 = 1.00x. */
export const bps = (d: number, text: PolicyText) => int(0, 100_000, d, "basis points", text);
/** A whole number with its own bounds. */
export const bounded = (min: number, max: number, d: number, unit: PolicyUnit, text: PolicyText) => int(min, max, d, unit, text);

export const flag = (d: boolean, text: PolicyText) => z.boolean().default(d).register(policyMeta, text);

type Labels<K extends string> = Record<K, string>;

/** One of a few named values; `labels` names every allowed value (the enum is made from its keys). */
export function choice<K extends string>(labels: Labels<K>, d: NoInfer<K>, text: PolicyText) {
  return z
    .enum(Object.keys(labels) as [K, ...K[]])
    .default(d as never)
    .register(policyMeta, { ...text, options: labels });
}

/** Any of a few named values, at most one of each. */
export function choices<K extends string>(labels: Labels<K>, d: NoInfer<K>[], text: PolicyText) {
  const values = Object.keys(labels) as [K, ...K[]];
  return z
    .array(z.enum(values))
    .max(values.length)
    .default(d as never)
    .register(policyMeta, { ...text, options: labels });
}

/** A list of whole numbers (e.g. reminder times). */
export const numbers = (min: number, max: number, maxItems: number, d: number[], unit: PolicyUnit, text: PolicyText) =>
  z.array(z.number().int().min(min).max(max)).max(maxItems).default(d).register(policyMeta, { ...text, unit });

/** A section of related settings; a missing section is all its defaults (every setting has one). */
export const section = <S extends z.ZodRawShape>(shape: S, text: PolicyText) =>
  z
    .object(shape)
    .prefault({} as never)
    .register(policyMeta, text);
