// oncePerEvent (api/src/lib/per-event.ts): subscription reloads shared per event, not across events.
import { describe, expect, it } from "vitest";
import { oncePerEvent } from "../../api/src/lib/per-event.js";

describe("oncePerEvent", () => {
  it("runs one load per event object and key, and a new one for another event or key", async () => {
    let loads = 0;
    const load = async () => ++loads;
    const ev1 = { id: "s1" };
    const ev2 = { id: "s1" }; // equal content, another event
    const results = await Promise.all(Array.from({ length: 100 }, () => oncePerEvent(ev1, [{ select: { id: true } }, { id: "s1" }], load)));
    expect(new Set(results)).toEqual(new Set([1]));
    expect(await oncePerEvent(ev1, [{ select: { id: true } }, { id: "s1", mentorId: "m" }], load)).toBe(2);
    expect(await oncePerEvent(ev2, [{ select: { id: true } }, { id: "s1" }], load)).toBe(3);
    expect(loads).toBe(3);
  });
});
