import { subject as asSubject } from "@casl/ability";
import type { Action, AppAbility, SubjectName } from "./actions.js";
import { DomainError } from "../lib/errors.js";

/** Row check before a write: throws FORBIDDEN unless the ability allows `action` on the row. */
export function assertCan(
  ability: AppAbility,
  action: Action,
  type: SubjectName,
  row?: Record<string, unknown>,
  message = "You are not allowed to do this",
): void {
  const ok = row ? ability.can(action, asSubject(type, row) as never) : ability.can(action, type);
  if (!ok) throw new DomainError("FORBIDDEN", message);
}
