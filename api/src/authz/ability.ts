import { AbilityBuilder } from "@casl/ability";
import { createPrismaAbility } from "@casl/prisma/runtime";
import type { AppAbility } from "./actions.js";
import type { Viewer } from "./viewer.js";

export type RuleBuilder = AbilityBuilder<AppAbility>;
/** Each module contributes its rules for a viewer (null = anonymous). */
export type ModuleRules = (viewer: Viewer | null, b: RuleBuilder) => void;

let composed: readonly ModuleRules[] | null = null;

/** The composition root (modules/index.ts) hands over every module's rules, in order. */
export function provideModuleRules(rules: readonly ModuleRules[]): void {
  composed = rules;
}

/** One ability per request, composed from every module's rules. Deny is the default. */
export function defineAbilityFor(viewer: Viewer | null): AppAbility {
  if (!composed) throw new Error("Module rules were not provided (modules/index.ts composes them)");
  const b = new AbilityBuilder<AppAbility>(createPrismaAbility);
  for (const rules of composed) rules(viewer, b);
  return b.build();
}
