import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { hideFeedback, leaveFeedback, mentorRating } from "./feedback.service.js";

const Party = builder.enumType("FeedbackParty", { values: ["MENTOR", "MENTEE"] as const });
const isStaff = (ctx: { viewer: { role: string } | null }) => ctx.viewer?.role === "ADMIN" || ctx.viewer?.role === "SUPPORT";

const SessionFeedbackRef = builder.prismaObject("SessionFeedback", {
  description: "One side's rating (1-5) and comment on a session. Hidden reviews are seen by staff and their author only.",
  fields: (t) => ({
    id: t.exposeID("id"),
    sessionId: t.exposeID("sessionId"),
    author: t.relation("author"),
    subject: t.relation("subject"),
    authorParty: t.expose("authorParty", { type: Party }),
    rating: t.exposeInt("rating"),
    comment: t.exposeString("comment"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    hidden: t.boolean({ select: { hiddenAt: true }, resolve: (f) => !!f.hiddenAt }),
    hiddenReason: t.string({ nullable: true, select: { hiddenReason: true }, resolve: (f, _a, ctx) => (isStaff(ctx) ? f.hiddenReason : null) }),
  }),
});

const RatingRef = builder.objectRef<{ average: number | null; count: number }>("RatingSummary").implement({
  fields: (t) => ({
    average: t.float({ nullable: true, resolve: (r) => r.average }),
    count: t.exposeInt("count"),
  }),
});

builder.prismaObjectField("User", "mentorRating", (t) =>
  t.field({
    type: RatingRef,
    nullable: true,
    description: "For mentors: the mean of mentees' visible ratings (aggregated on read); null for other roles.",
    select: { id: true, role: true },
    resolve: (u) => (u.role === "MENTOR" ? mentorRating(getDb(), u.id) : null),
  }),
);

builder.queryField("sessionFeedback", (t) =>
  t.prismaField({
    type: ["SessionFeedback"],
    authScopes: { authenticated: true },
    description: "Feedback on one session that the viewer may read.",
    args: { sessionId: t.arg.id({ required: true }) },
    resolve: (query, _r, { sessionId }, ctx) =>
      getDb().sessionFeedback.findMany({ ...query, where: { AND: [accessibleBy(ctx.ability).ofType("SessionFeedback"), { sessionId: String(sessionId) }] }, orderBy: { createdAt: "asc" } }),
  }),
);

builder.queryField("mentorReviews", (t) =>
  t.prismaConnection({
    type: "SessionFeedback",
    cursor: "id",
    authScopes: { authenticated: true },
    description: "Mentees' reviews of a mentor (staff also see hidden ones).",
    args: { mentorId: t.arg.id({ required: true }) },
    resolve: (query, _r, { mentorId }, ctx) =>
      getDb().sessionFeedback.findMany({
        ...query,
        where: { AND: [accessibleBy(ctx.ability).ofType("SessionFeedback"), { subjectId: String(mentorId), authorParty: "MENTEE" }] },
        orderBy: { id: "desc" },
      }),
  }),
);

const LeaveFeedbackInput = builder.inputType("LeaveFeedbackInput", {
  fields: (t) => ({ sessionId: t.id({ required: true }), rating: t.int({ required: true, description: "1 to 5" }), comment: t.string({ required: false }) }),
});

builder.mutationField("leaveFeedback", (t) =>
  t.field({
    type: SessionFeedbackRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    description: "After a session ends, each participant rates it once.",
    args: { input: t.arg({ type: LeaveFeedbackInput, required: true }) },
    resolve: (_r, { input: i }, ctx) => leaveFeedback(ctx.deps, { sessionId: String(i.sessionId), rating: i.rating, comment: i.comment ?? undefined }),
  }),
);

const HideFeedbackInput = builder.inputType("HideFeedbackInput", {
  fields: (t) => ({ feedbackId: t.id({ required: true }), reason: t.string({ required: true }), hidden: t.boolean({ required: false, description: "false shows it again; default true" }) }),
});

builder.mutationField("hideFeedback", (t) =>
  t.field({
    type: SessionFeedbackRef,
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    description: "Staff hide (or show again) a review, with an audited reason.",
    args: { input: t.arg({ type: HideFeedbackInput, required: true }) },
    resolve: (_r, { input: i }, ctx) => hideFeedback(ctx.deps, { feedbackId: String(i.feedbackId), reason: i.reason, hidden: i.hidden ?? undefined }),
  }),
);
