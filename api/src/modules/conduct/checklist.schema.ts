import { builder } from "../../schema/builder.js";
import { checklistOf, EXPECTATION_ITEMS, isFirstSession, markExpectationCovered } from "./checklist.service.js";
import { getDb } from "../../lib/db.js";

const ExpectationItemEnum = builder.enumType("ExpectationItem", {
  values: EXPECTATION_ITEMS,
  description: "Seed 002: CONFIDENTIALITY; EXPECTED_RESULTS (incl. how many sessions are usually required); OPENNESS (being open and sharing); ROAD_MAP (how the sessions/program work).",
});

const ChecklistItemRef = builder.objectRef<Awaited<ReturnType<typeof checklistOf>>[number]>("ExpectationChecklistItem").implement({
  fields: (t) => ({
    item: t.field({ type: ExpectationItemEnum, resolve: (x) => x.item }),
    covered: t.exposeBoolean("covered"),
    coveredAt: t.field({ type: "DateTime", nullable: true, resolve: (x) => x.coveredAt }),
    note: t.exposeString("note"),
  }),
});

// On Session: row rules of Session already decide who sees the session at all.
builder.prismaObjectField("Session", "isFirstSession", (t) =>
  t.boolean({
    description: "The pair's first session (no earlier one that was not cancelled): the expectations checklist applies.",
    select: { id: true, mentorId: true, menteeId: true, startsAt: true },
    resolve: (s) => isFirstSession(getDb(), s),
  }),
);

builder.prismaObjectField("Session", "expectationsChecklist", (t) =>
  t.field({
    type: [ChecklistItemRef],
    description: "Seed 002 first-session expectations and whether the mentor covered each.",
    select: { id: true },
    resolve: (s) => checklistOf(getDb(), s.id),
  }),
);

const MarkExpectationCoveredInput = builder.inputType("MarkExpectationCoveredInput", {
  fields: (t) => ({ sessionId: t.id({ required: true }), item: t.field({ type: ExpectationItemEnum, required: true }), note: t.string({ required: false }) }),
});

builder.mutationField("markExpectationCovered", (t) =>
  t.field({
    type: [ChecklistItemRef],
    authScopes: { role: "MENTOR" },
    description: "The session's mentor marks a first-session expectation as covered; returns the whole checklist.",
    args: { input: t.arg({ type: MarkExpectationCoveredInput, required: true }) },
    resolve: async (_r, { input: i }, ctx) => {
      await markExpectationCovered(ctx.deps, { sessionId: String(i.sessionId), item: i.item, note: i.note ?? undefined });
      return checklistOf(getDb(), String(i.sessionId));
    },
  }),
);
