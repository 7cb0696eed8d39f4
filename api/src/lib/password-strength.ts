// New passwords: a minimum length and a zxcvbn strength score, both from the policy data.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { DomainError } from "./errors.js";
import { zPassword } from "./validate.js";

let factory: ZxcvbnFactory | undefined;
const estimator = () => (factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

export interface PasswordRules {
  passwordMinLength: number;
  passwordMinScore: number;
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, rules: PasswordRules, userInputs: string[] = []): string | undefined {
  if ([...password].length < rules.passwordMinLength) return `must be at least ${rules.passwordMinLength} characters`;
  if (!password.trim()) return "must not be only spaces";
  // zxcvbn's cost grows with length; the schema caps passwords at 200 characters.
  const { score, feedback } = estimator().check(password.slice(0, 100), userInputs.filter(Boolean));
  if (score < rules.passwordMinScore) return feedback.warning ? `is too easy to guess (${feedback.warning})` : "is too easy to guess";
  return undefined;
}

/** A zod field for a NEW password under the policy's rules (errors reported with the other fields). */
export const zNewPassword = (rules: PasswordRules) =>
  zPassword.superRefine((pw, ctx) => {
    const why = passwordProblem(pw, rules);
    if (why) ctx.addIssue({ code: "custom", message: why });
  });

/** Throws BAD_USER_INPUT (field `password`) for a password that is short, blank or guessable. */
export function assertStrongPassword(password: string, rules: PasswordRules, userInputs: string[] = []): void {
  const why = passwordProblem(password, rules, userInputs);
  if (why) throw new DomainError("BAD_USER_INPUT", `password: ${why}`, { fields: { password: why } });
}
