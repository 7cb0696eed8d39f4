// The policy editor parses each edited leaf like the value in force: numbers, lists of numbers, and
// lists of names (which session states or mentorship statuses verify a complaint).
import { describe, expect, it } from "vitest";
import { parseLeaf } from "../../console/src/pages/policy/policy-values.js";

describe("policy editor: parsing a leaf", () => {
  it("keeps lists of names as text and lists of numbers as numbers", () => {
    expect(parseLeaf("ENDED, NO_SHOW", ["LIVE", "ENDED"])).toEqual(["ENDED", "NO_SHOW"]);
    expect(parseLeaf("ACTIVE", [])).toEqual(["ACTIVE"]);
    expect(parseLeaf("", ["ACTIVE"])).toEqual([]);
    expect(parseLeaf("1440, 60", [1440])).toEqual([1440, 60]);
    expect(parseLeaf("60, soon", [1440])).toBeInstanceOf(Error);
  });
});
