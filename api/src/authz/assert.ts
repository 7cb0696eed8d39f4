import { subject as asSubject } from "@casl/ability";
import type { Action, AppAbility, SubjectName } from "./actions.js";
import { DomainError } from "../lib/errors.js";
import { suspensionFromReason } from "./suspension-reason.js";

/** Row check before a write: throws FORBIDDEN unless the ability allows `action` on the row. */
export function assertCan(
  ability: AppAbility,
  action: Action,
  type: SubjectName,
  row?: Record<string, unknown>,
  message = "You are not allowed to do this",
): void {
  const target = row ? (asSubject(type, row) as never) : type;
  const ok = ability.can(action, target);
  if (!ok) {
    // An active suspension (trust & safety) denies with its reason and end date (seed 003).
    const rule = ability.relevantRuleFor(action, target);
    const suspension = rule?.inverted ? suspensionFromReason(rule.reason) : undefined;
    if (suspension) throw new DomainError("FEATURE_SUSPENDED", suspension.message, suspension.details);
    throw new DomainError("FORBIDDEN", message);
  }
}

/** The row if the viewer may read it; otherwise NOT_FOUND, so unreadable rows look absent. */
export function readableOrNotFound<T extends Record<string, unknown>>(ability: AppAbility, type: SubjectName, row: T | null, id: string, what: string = type): T {
  if (!row || !ability.can("read", asSubject(type, row) as never)) throw new DomainError("NOT_FOUND", `${what} ${id} was not found`);
  return row;
}
