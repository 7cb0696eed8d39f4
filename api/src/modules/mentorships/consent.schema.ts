import { builder } from "../../schema/builder.js";
import { MentorshipRef } from "./mentorships.schema.js";
import { acceptMentorship, declineMentorship } from "./consent.service.js";

const AcceptMentorshipInput = builder.inputType("AcceptMentorshipInput", { fields: (t) => ({ mentorshipId: t.id({ required: true }) }) });
const DeclineMentorshipInput = builder.inputType("DeclineMentorshipInput", { fields: (t) => ({ mentorshipId: t.id({ required: true }), reason: t.string({ required: false }) }) });

builder.mutationField("acceptMentorship", (t) =>
  t.field({
    type: MentorshipRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    description: "A party accepts a pending mentorship request; it is ACTIVE once both sides have.",
    args: { input: t.arg({ type: AcceptMentorshipInput, required: true }) },
    resolve: (_r, { input }, ctx) => acceptMentorship(ctx.deps, { mentorshipId: String(input.mentorshipId) }),
  }),
);

builder.mutationField("declineMentorship", (t) =>
  t.field({
    type: MentorshipRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    description: "Either party declines a pending mentorship request (the requester withdrawing it too).",
    args: { input: t.arg({ type: DeclineMentorshipInput, required: true }) },
    resolve: (_r, { input }, ctx) => declineMentorship(ctx.deps, { mentorshipId: String(input.mentorshipId), reason: input.reason ?? undefined }),
  }),
);
