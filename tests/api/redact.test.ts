// The log redaction rule (docs/security.md) on its own: documents, variables, free text.
import { describe, expect, it } from "vitest";
import { redactOperation, redactText, REDACTED } from "../../api/src/lib/redact.js";

describe("log redaction", () => {
  it("masks secret literals and the variables used in secret places, whatever their names", () => {
    const r = redactOperation(
      `mutation($x: String!, $who: String!) { logIn(input: { email: $who, password: $x }) { token } other: signUp(input: { email: "a@b.co", password: "Literal-Secret-1", displayName: "A", role: MENTEE }) { token } }`,
      { x: "Variable-Secret-2", who: "a@b.co" },
    );
    const text = JSON.stringify(r);
    expect(text).not.toContain("Literal-Secret-1");
    expect(text).not.toContain("Variable-Secret-2");
    expect(r.variables).toEqual({ x: REDACTED, who: "a@b.co" });
    expect(r.query).toContain("a@b.co");
  });

  it("masks whole variables of sensitive input types and secret-named keys at any depth", () => {
    const r = redactOperation(`mutation($creds: LogInInput!) { logIn(input: $creds) { token } }`, { creds: { email: "e@x.io", password: "P-3" } });
    expect(r.variables).toEqual({ creds: REDACTED });
    const deep = redactOperation(`query { platform { platformName } }`, { a: { b: { apiKey: "K-4", authToken: "T-5", ok: 1 } } });
    expect(deep.variables).toEqual({ a: { b: { apiKey: REDACTED, authToken: REDACTED, ok: 1 } } });
  });

  it("keeps nothing of an unparseable document, and masks secrets in free text", () => {
    expect(redactOperation(`mutation { logIn(input: { password: "Broken-6" `, undefined).query).not.toContain("Broken-6");
    expect(redactText(`{"password":"Text-7","email":"e@x.io"}`)).not.toContain("Text-7");
    expect(redactText(`logIn(input: { password: "Text-8" })`)).not.toContain("Text-8");
  });
});
