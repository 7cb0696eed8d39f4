import { AbilityBuilder } from "@casl/ability";
import { createPrismaAbility } from "@casl/prisma/runtime";
import type { AppAbility } from "./actions.js";

/** The platform's own jobs act with every permission; their writes are audited as SYSTEM. */
export function systemAbility(): AppAbility {
  const b = new AbilityBuilder<AppAbility>(createPrismaAbility);
  b.can("manage", "all");
  return b.build();
}
