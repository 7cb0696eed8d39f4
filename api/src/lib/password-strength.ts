// New passwords: a minimum length and a zxcvbn strength score, both from the policy data.
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { DomainError } from "./errors.js";

let factory: ZxcvbnFactory | undefined;
const estimator = () => (factory ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs }));

export interface PasswordRules {
  passwordMinLength: number;
  passwordMinScore: number;
}

/** Throws BAD_USER_INPUT (field `password`) for a password that is short, blank or guessable. */
export function assertStrongPassword(password: string, rules: PasswordRules, userInputs: string[] = []): void {
  const refuse = (why: string) => {
    throw new DomainError("BAD_USER_INPUT", `password: ${why}`, { fields: { password: why } });
  };
  if ([...password].length < rules.passwordMinLength) refuse(`must be at least ${rules.passwordMinLength} characters`);
  if (!password.trim()) refuse("must not be only spaces");
  // zxcvbn's cost grows with length; the schema caps passwords at 200 characters.
  const { score, feedback } = estimator().check(password.slice(0, 100), userInputs);
  if (score < rules.passwordMinScore) refuse(feedback.warning ? `is too easy to guess (${feedback.warning})` : "is too easy to guess");
}
