import { builder } from "../../schema/builder.js";
import { acceptAgreement, declineAgreement, proposeAgreement, updateAgreementProposal } from "./agreements.service.js";
import { MentorshipPartyEnum, dayString } from "./mentorships.schema.js";

const AgreementStatusEnum = builder.enumType("AgreementStatus", { values: ["PROPOSED", "ACCEPTED", "DECLINED", "WITHDRAWN", "SUPERSEDED", "COMPLETED"] as const });

export const AgreementRef = builder.prismaObject("MentorshipAgreement", {
  description: "One version of a mentorship agreement. Immutable once both parties accepted; amending proposes a new version.",
  fields: (t) => ({
    id: t.exposeID("id"),
    mentorship: t.relation("mentorship"),
    version: t.exposeInt("version"),
    objectives: t.exposeString("objectives"),
    scope: t.exposeString("scope"),
    startsOn: t.string({ description: "YYYY-MM-DD", select: { startsOn: true }, resolve: (a) => dayString(a.startsOn)! }),
    endsOn: t.string({ description: "YYYY-MM-DD; completed automatically after this day (UTC).", select: { endsOn: true }, resolve: (a) => dayString(a.endsOn)! }),
    confidentiality: t.exposeString("confidentiality"),
    sessionsPerMonth: t.exposeInt("sessionsPerMonth"),
    commitmentNote: t.exposeString("commitmentNote"),
    status: t.expose("status", { type: AgreementStatusEnum }),
    proposedBy: t.expose("proposedBy", { type: MentorshipPartyEnum }),
    proposedAt: t.expose("proposedAt", { type: "DateTime" }),
    mentorAcceptedAt: t.expose("mentorAcceptedAt", { type: "DateTime", nullable: true }),
    menteeAcceptedAt: t.expose("menteeAcceptedAt", { type: "DateTime", nullable: true }),
    amendsVersion: t.exposeInt("amendsVersion", { nullable: true }),
    closedAt: t.expose("closedAt", { type: "DateTime", nullable: true }),
    closeReason: t.exposeString("closeReason", { nullable: true }),
  }),
});

const AgreementTermsInput = builder.inputType("AgreementTermsInput", {
  fields: (t) => ({
    objectives: t.string({ required: true }),
    scope: t.string({ required: true }),
    startsOn: t.string({ required: true, description: "YYYY-MM-DD" }),
    endsOn: t.string({ required: true, description: "YYYY-MM-DD" }),
    confidentiality: t.string({ required: true }),
    sessionsPerMonth: t.int({ required: true }),
    commitmentNote: t.string({ required: false }),
  }),
});

const terms = (x: { commitmentNote?: string | null } & Record<string, unknown>) => ({ ...x, commitmentNote: x.commitmentNote ?? undefined });

const ProposeAgreementInput = builder.inputType("ProposeAgreementInput", {
  fields: (t) => ({ mentorshipId: t.id({ required: true }), terms: t.field({ type: AgreementTermsInput, required: true }) }),
});

builder.mutationField("proposeAgreement", (t) =>
  t.field({
    type: AgreementRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    description: "Propose the first version, or an amendment (a new version) of an accepted agreement.",
    args: { input: t.arg({ type: ProposeAgreementInput, required: true }) },
    resolve: (_r, { input }, ctx) => proposeAgreement(ctx.deps, { mentorshipId: String(input.mentorshipId), terms: terms(input.terms) }),
  }),
);

const UpdateAgreementProposalInput = builder.inputType("UpdateAgreementProposalInput", {
  fields: (t) => ({ agreementId: t.id({ required: true }), terms: t.field({ type: AgreementTermsInput, required: true }) }),
});

builder.mutationField("updateAgreementProposal", (t) =>
  t.field({
    type: AgreementRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    description: "The proposer revises a proposal not yet accepted. An accepted version is refused (CONFLICT).",
    args: { input: t.arg({ type: UpdateAgreementProposalInput, required: true }) },
    resolve: (_r, { input }, ctx) => updateAgreementProposal(ctx.deps, { agreementId: String(input.agreementId), terms: terms(input.terms) }),
  }),
);

const AgreementIdInput = builder.inputType("AgreementIdInput", { fields: (t) => ({ agreementId: t.id({ required: true }) }) });

builder.mutationField("acceptAgreement", (t) =>
  t.field({
    type: AgreementRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    description: "The other party accepts a proposal; it is then in force and immutable.",
    args: { input: t.arg({ type: AgreementIdInput, required: true }) },
    resolve: (_r, { input }, ctx) => acceptAgreement(ctx.deps, { agreementId: String(input.agreementId) }),
  }),
);

const DeclineAgreementInput = builder.inputType("DeclineAgreementInput", {
  fields: (t) => ({ agreementId: t.id({ required: true }), reason: t.string({ required: false }) }),
});

builder.mutationField("declineAgreement", (t) =>
  t.field({
    type: AgreementRef,
    authScopes: { role: ["MENTOR", "MENTEE"] },
    description: "The other party declines a proposal, or the proposer withdraws it.",
    args: { input: t.arg({ type: DeclineAgreementInput, required: true }) },
    resolve: (_r, { input }, ctx) => declineAgreement(ctx.deps, { agreementId: String(input.agreementId), reason: input.reason ?? undefined }),
  }),
);
