import { accessibleBy } from "@casl/prisma/runtime";
import { builder } from "../../schema/builder.js";
import { bothConsented, giveRecordingConsent, withdrawRecordingConsent } from "./consent.service.js";

const RecordingConsentRef = builder.prismaObject("RecordingConsent", {
  description: "One participant's written consent to recording one session (seed 000).",
  fields: (t) => ({
    id: t.exposeID("id"),
    sessionId: t.exposeID("sessionId"),
    user: t.relation("user"),
    text: t.exposeString("text"),
    givenAt: t.expose("givenAt", { type: "DateTime" }),
    withdrawnAt: t.expose("withdrawnAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObjectField("Session", "recordingConsented", (t) =>
  t.boolean({
    description: "True only while BOTH participants' written consents stand. The platform never records.",
    select: { mentorId: true, menteeId: true, recordingConsents: { select: { userId: true, withdrawnAt: true } } },
    resolve: (s) => bothConsented(s, s.recordingConsents),
  }),
);

builder.prismaObjectField("Session", "recordingConsents", (t) =>
  t.relation("recordingConsents", { query: (_a, ctx) => ({ where: accessibleBy(ctx.ability).ofType("RecordingConsent"), orderBy: { givenAt: "asc" } }) }),
);

const GiveRecordingConsentInput = builder.inputType("GiveRecordingConsentInput", {
  fields: (t) => ({ sessionId: t.id({ required: true }), text: t.string({ required: true, description: "The written consent statement." }) }),
});

builder.mutationField("giveRecordingConsent", (t) =>
  t.field({
    type: RecordingConsentRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    description: "A participant gives written consent to recording this session (both must, or it is not consented).",
    args: { input: t.arg({ type: GiveRecordingConsentInput, required: true }) },
    resolve: (_r, { input }, ctx) => giveRecordingConsent(ctx.deps, { sessionId: String(input.sessionId), text: input.text }),
  }),
);

const WithdrawRecordingConsentInput = builder.inputType("WithdrawRecordingConsentInput", { fields: (t) => ({ sessionId: t.id({ required: true }) }) });

builder.mutationField("withdrawRecordingConsent", (t) =>
  t.field({
    type: RecordingConsentRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    args: { input: t.arg({ type: WithdrawRecordingConsentInput, required: true }) },
    resolve: (_r, { input }, ctx) => withdrawRecordingConsent(ctx.deps, { sessionId: String(input.sessionId) }),
  }),
);
