// The policy's settings described for people (policyFields): one entry per key of the policy,
// each with its words, read off the schema that validates the policy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

const FIELDS = `{ policyFields { key section sectionLabel label description unit kind min max maxItems defaultValue options { value label } } }`;

const leaves = (values: Record<string, unknown>, prefix = ""): string[] =>
  Object.entries(values).flatMap(([k, v]) =>
    v && typeof v === "object" && !Array.isArray(v) ? leaves(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe("policyFields", () => {
  it("every policy key has a non-empty label, section label and description", async () => {
    const mentee = await t.user("MENTEE");
    const { policy, policyFields } = await t.ok(`{ policy { values } ${FIELDS.slice(1, -1)} }`, {}, mentee.token);
    expect(policyFields.map((f: any) => f.key).sort()).toEqual(leaves(policy.values).sort());
    for (const f of policyFields) {
      expect(f.label.trim(), f.key).not.toBe("");
      expect(f.description.trim(), f.key).not.toBe("");
      expect(f.sectionLabel.trim(), f.key).not.toBe("");
      // a label for people, not the code name split into words
      const codeName = f.key.split(".")[1].replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c: string) => c.toUpperCase());
      expect(f.label, f.key).not.toBe(codeName);
    }
  });

  it("a choice lists its allowed values with labels; numbers carry unit, bounds and default", async () => {
    const admin = await t.user("ADMIN");
    const byKey = new Map<string, any>((await t.ok(FIELDS, {}, admin.token)).policyFields.map((f: any) => [f.key, f]));
    expect(byKey.get("safety.countReports")).toMatchObject({
      kind: "CHOICE",
      defaultValue: "NOT_DISMISSED",
      options: [
        { value: "NOT_DISMISSED", label: expect.stringMatching(/not dismissed/i) },
        { value: "UPHELD", label: expect.stringMatching(/upheld/i) },
      ],
    });
    expect(byKey.get("safety.verifiedSessionStates")).toMatchObject({ kind: "CHOICE_LIST", maxItems: 3, defaultValue: ["LIVE", "ENDED"] });
    expect(byKey.get("safety.verifiedSessionStates").options.map((o: any) => o.value)).toEqual(["LIVE", "ENDED", "NO_SHOW"]);
    expect(byKey.get("tardiness.latePenaltyBps")).toMatchObject({ kind: "NUMBER", unit: "basis points", min: 0, max: 100_000, defaultValue: 500, options: [] });
    expect(byKey.get("tardiness.latePenaltyBps").label).not.toBe("Late Penalty Bps");
    expect(byKey.get("safety.requireVerifiedInteraction")).toMatchObject({ kind: "BOOLEAN", unit: null, defaultValue: true });
    expect(byKey.get("scheduling.reminderMinutesBefore")).toMatchObject({ kind: "NUMBER_LIST", unit: "minutes", maxItems: 10 });
  });

  it("the allowed values offered are the ones updatePolicy accepts", async () => {
    const admin = await t.user("ADMIN");
    const f = (await t.ok(FIELDS, {}, admin.token)).policyFields.find((x: any) => x.key === "safety.countReports");
    for (const o of f.options) {
      const r = await t.ok(`mutation($i: UpdatePolicyInput!) { updatePolicy(input: $i) { values } }`, { i: { changes: { safety: { countReports: o.value } }, reason: "try each option" } }, admin.token);
      expect(r.updatePolicy.values.safety.countReports).toBe(o.value);
    }
  });
});
