import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { getPlatform, updatePlatform } from "./platform.service.js";

const PlatformRef = builder.prismaObject("PlatformConfig", {
  name: "Platform",
  description: "Platform name and vocabulary: the same rules read as mentor/mentee or expert/client (seeds 000/001).",
  fields: (t) => ({
    platformName: t.exposeString("platformName"),
    mentorLabel: t.exposeString("mentorLabel"),
    menteeLabel: t.exposeString("menteeLabel"),
    sessionLabel: t.exposeString("sessionLabel"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

builder.queryField("platform", (t) =>
  t.field({
    type: PlatformRef,
    // public: apps render their sign-up screens in the platform's vocabulary before anyone signs in.
    skipTypeScopes: true,
    authScopes: { public: true },
    resolve: () => getPlatform(getDb()),
  }),
);

const UpdatePlatformInput = builder.inputType("UpdatePlatformInput", {
  fields: (t) => ({
    platformName: t.string({ required: false }),
    mentorLabel: t.string({ required: false }),
    menteeLabel: t.string({ required: false }),
    sessionLabel: t.string({ required: false }),
  }),
});

builder.mutationField("updatePlatform", (t) =>
  t.field({
    type: PlatformRef,
    authScopes: { role: "ADMIN" },
    args: { input: t.arg({ type: UpdatePlatformInput, required: true }) },
    resolve: (_root, { input }, ctx) => updatePlatform(ctx.deps, input),
  }),
);
