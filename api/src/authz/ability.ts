import { AbilityBuilder } from "@casl/ability";
import { createPrismaAbility } from "@casl/prisma/runtime";
import type { AppAbility } from "./actions.js";
import type { Viewer } from "./viewer.js";
import { usersRules } from "../modules/users/users.policy.js";
import { programsRules } from "../modules/programs/programs.policy.js";
import { auditRules } from "../modules/audit/audit.policy.js";
import { policyRules } from "../modules/policy/policy.policy.js";
import { platformRules } from "../modules/platform/platform.policy.js";
import { authRules } from "../modules/auth/auth.policy.js";
import { sessionsRules } from "../modules/sessions/sessions.policy.js";
import { notificationsRules } from "../modules/notifications/notifications.policy.js";
import { safetyRules } from "../modules/safety/safety.policy.js";
import { moneyRules } from "../modules/money/money.policy.js";
import { mentorshipsRules } from "../modules/mentorships/mentorships.policy.js";
import { conductRules } from "../modules/conduct/conduct.policy.js";
import { feedbackRules } from "../modules/feedback/feedback.policy.js";
import { privacyRules } from "../modules/privacy/privacy.policy.js";
import { consentRules } from "../modules/consent/consent.policy.js";
import { libraryRules } from "../modules/library/library.policy.js";
import { supportRules } from "../modules/support/support.policy.js";
import { communityRules } from "../modules/community/community.policy.js";
import { certificationsRules } from "../modules/certifications/certifications.policy.js";

export type RuleBuilder = AbilityBuilder<AppAbility>;
/** Each module contributes its rules for a viewer (null = anonymous). */
export type ModuleRules = (viewer: Viewer | null, b: RuleBuilder) => void;

const modules: ModuleRules[] = [authRules, usersRules, programsRules, auditRules, policyRules, platformRules, notificationsRules, sessionsRules, moneyRules,
  libraryRules, supportRules, communityRules, certificationsRules,
  mentorshipsRules, conductRules, feedbackRules, privacyRules, consentRules,
  // Last: its `cannot` rules (active suspensions) must override every module's `can`.
  safetyRules,
];

/** One ability per request, composed from every module's rules. Deny is the default. */
export function defineAbilityFor(viewer: Viewer | null): AppAbility {
  const b = new AbilityBuilder<AppAbility>(createPrismaAbility);
  for (const rules of modules) rules(viewer, b);
  return b.build();
}
