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
export const zPassword = z.string().min(10, "must be at least 10 characters").max(200);
export const zCurrency = z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as USD");
export const zText = (max: number) => z.string().trim().max(max);
export const zId = z.string().min(1).max(64);

