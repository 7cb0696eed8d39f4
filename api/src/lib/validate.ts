import { z } from "zod";
import { IANAZone } from "luxon";
import { DomainError } from "./errors.js";

/** Parses input with a zod schema; failures become BAD_USER_INPUT with per-field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const res = schema.safeParse(input);
  if (res.success) return res.data;
  const fields: Record<string, string> = {};
  for (const issue of res.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
  const first = Object.entries(fields)[0];
  throw new DomainError("BAD_USER_INPUT", first ? `${first[0]}: ${first[1]}` : "Invalid input", { fields });
}

export const zTimeZone = z
  .string()
  .refine((tz) => IANAZone.isValidZone(tz), { message: "must be an IANA time zone such as Europe/Berlin" });
export const zEmail = z.string().trim().toLowerCase().pipe(z.email({ message: "must be an email address" }));
// Length and strength of NEW passwords are policy data (lib/password-strength.ts); this only bounds the size.
export const zPassword = z.string().min(1, "is required").max(200).refine((s) => !hasNul(s), { message: "must not contain NUL characters" });
export const zCurrency = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD");
// Input hygiene. NUL is refused everywhere (PostgreSQL text cannot hold it); names and titles
// also refuse other control characters and bidirectional overrides/isolates, which can make a
// name display as someone else's.
const NUL = /\u0000/;
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
export const hasNul = (s: string) => NUL.test(s);
export const isCleanLine = (s: string) => !CONTROL_OR_BIDI.test(s);

/** Free text (bodies, descriptions): line breaks and tabs allowed, NUL refused. */
export const zText = (max: number) => z.string().trim().max(max).refine((s) => !hasNul(s), { message: "must not contain NUL characters" });
/** One-line names and titles: no control or bidirectional-override characters. */
export const zName = (max: number) =>
  z.string().trim().max(max).refine(isCleanLine, { message: "must not contain control or bidirectional-override characters" });
export const zId = z.string().min(1).max(64);

