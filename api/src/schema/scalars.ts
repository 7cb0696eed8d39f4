import { GraphQLError, Kind } from "graphql";
import { builder } from "./builder.js";

builder.scalarType("DateTime", {
  description: "An instant, ISO 8601 with offset (always serialised in UTC).",
  serialize: (d) => (d instanceof Date ? d : new Date(d as string)).toISOString(),
  parseValue: (v) => {
    const d = typeof v === "string" ? new Date(v) : new Date(NaN);
    if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(d.getTime()))
      throw new GraphQLError("DateTime must be an ISO 8601 string such as 2026-03-01T09:00:00Z", { extensions: { code: "BAD_USER_INPUT" } });
    return d;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError("DateTime must be a string", { extensions: { code: "BAD_USER_INPUT" } });
    const d = new Date(ast.value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(ast.value) || Number.isNaN(d.getTime()))
      throw new GraphQLError("DateTime must be an ISO 8601 string such as 2026-03-01T09:00:00Z", { extensions: { code: "BAD_USER_INPUT" } });
    return d;
  },
});

builder.scalarType("JSON", {
  description: "Arbitrary JSON.",
  serialize: (v) => v,
  parseValue: (v) => v,
});
