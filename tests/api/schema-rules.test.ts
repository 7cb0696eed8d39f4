// Deny by default: every root field must declare who may call it. This walks the built schema
// and fails on any Query/Mutation/Subscription field without an explicit rule.
import { describe, expect, it } from "vitest";
import { schema } from "../../api/src/schema/index.js";

type PothosField = { extensions?: { pothosOptions?: { authScopes?: unknown; skipTypeScopes?: boolean } } };

const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean);

describe("root field rules", () => {
  it("every root field declares authScopes", () => {
    const missing: string[] = [];
    for (const root of roots) {
      for (const [name, field] of Object.entries(root!.getFields())) {
        const opts = (field as PothosField).extensions?.pothosOptions;
        if (!opts?.authScopes) missing.push(`${root!.name}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("only fields that say so are public, and public fields opt out of the type rule explicitly", () => {
    const publicFields: string[] = [];
    for (const root of roots) {
      for (const [name, field] of Object.entries(root!.getFields())) {
        const opts = (field as PothosField).extensions?.pothosOptions;
        const scopes = opts?.authScopes as Record<string, unknown> | undefined;
        if (opts?.skipTypeScopes) {
          expect(scopes?.public, `${root!.name}.${name} skips the type rule without public: true`).toBe(true);
          publicFields.push(`${root!.name}.${name}`);
        }
      }
    }
    // The deliberate public surface. Adding to it is a product decision: update this list.
    // fileAppeal: a banned or suspended user cannot sign in (seed 003), so an appeal authenticates with credentials.
    const ALLOWED_PUBLIC = ["Mutation.logIn", "Mutation.signUp", "Query.platform", "Query.verifyCertificate", "Mutation.fileAppeal"];
    expect(publicFields.filter((f) => !ALLOWED_PUBLIC.includes(f))).toEqual([]);
    expect(publicFields).toEqual(expect.arrayContaining(["Mutation.logIn", "Mutation.signUp", "Query.platform"]));
  });

  it("the root types themselves require a signed-in viewer", () => {
    for (const root of roots) {
      const opts = (root as unknown as { extensions?: { pothosOptions?: { authScopes?: unknown } } }).extensions?.pothosOptions;
      expect(opts?.authScopes, root!.name).toEqual({ authenticated: true });
    }
  });
});
