// One search box for staff: people by name or e-mail, sessions by topic or id, certificates by
// code, disputes by reason or id, tickets by subject or id. Each list keeps the viewer's row rules.
import { accessibleBy } from "@casl/prisma/runtime";
import { z } from "zod";
import { builder } from "../../schema/builder.js";
import { getDb } from "../../lib/db.js";
import { parseInput } from "../../lib/validate.js";

export interface SearchQuery {
  text: string;
  first: number;
}

const searchInput = z.object({
  text: z.string().trim().min(2, "type at least two characters").max(200),
  first: z.number().int().min(1, "must be between 1 and 20").max(20, "must be between 1 and 20"),
});

const contains = (text: string) => ({ contains: text, mode: "insensitive" as const });
/** Ids are uuids: an exact id (or a pasted one) finds its row; other text never matches an id. */
const idMatch = (text: string) => (/^[0-9a-f-]{8,36}$/i.test(text) ? [{ id: text.toLowerCase() }] : []);

const SearchResults = builder.objectRef<SearchQuery>("SearchResults").implement({
  description: "What staff search found, by kind; each list holds only rows the viewer may read.",
  fields: (t) => ({
    users: t.prismaField({
      type: ["User"],
      description: "People whose name or e-mail contains the text.",
      resolve: (query, q, _a, ctx) =>
        getDb().user.findMany({
          ...query,
          where: { AND: [accessibleBy(ctx.ability).ofType("User"), { OR: [{ displayName: contains(q.text) }, { email: contains(q.text) }, ...idMatch(q.text)] }] },
          orderBy: { displayName: "asc" },
          take: q.first,
        }),
    }),
    sessions: t.prismaField({
      type: ["Session"],
      description: "Sessions whose topic contains the text, or with that id.",
      resolve: (query, q, _a, ctx) =>
        getDb().session.findMany({
          ...query,
          where: { AND: [accessibleBy(ctx.ability).ofType("Session"), { OR: [{ topic: contains(q.text) }, ...idMatch(q.text)] }] },
          orderBy: { startsAt: "desc" },
          take: q.first,
        }),
    }),
    certificates: t.prismaField({
      type: ["Certificate"],
      description: "Certificates whose verification code contains the text.",
      resolve: (query, q, _a, ctx) =>
        getDb().certificate.findMany({
          ...query,
          where: { AND: [accessibleBy(ctx.ability).ofType("Certificate"), { OR: [{ code: contains(q.text) }, ...idMatch(q.text)] }] },
          orderBy: { issuedAt: "desc" },
          take: q.first,
        }),
    }),
    disputes: t.prismaField({
      type: ["Dispute"],
      description: "Disputes whose reason contains the text, or with that id.",
      resolve: (query, q, _a, ctx) =>
        getDb().dispute.findMany({
          ...query,
          where: { AND: [accessibleBy(ctx.ability).ofType("Dispute"), { OR: [{ reason: contains(q.text) }, ...idMatch(q.text)] }] },
          orderBy: { createdAt: "desc" },
          take: q.first,
        }),
    }),
    tickets: t.prismaField({
      type: ["SupportTicket"],
      description: "Support tickets whose subject contains the text, or with that id.",
      resolve: (query, q, _a, ctx) =>
        getDb().supportTicket.findMany({
          ...query,
          where: { AND: [accessibleBy(ctx.ability).ofType("SupportTicket"), { OR: [{ subject: contains(q.text) }, ...idMatch(q.text)] }] },
          orderBy: { createdAt: "desc" },
          take: q.first,
        }),
    }),
  }),
});

builder.queryField("search", (t) =>
  t.field({
    type: SearchResults,
    description: "Staff search across people, sessions, certificates, disputes and tickets (at most `first` of each).",
    authScopes: { role: ["ADMIN", "SUPPORT"] },
    args: { text: t.arg.string({ required: true }), first: t.arg.int({ required: false, defaultValue: 5 }) },
    resolve: (_r, args) => parseInput(searchInput, { text: args.text, first: args.first ?? 5 }),
  }),
);
