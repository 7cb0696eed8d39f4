// The slot grid: a slot starts at an availability window's start plus whole multiples of the
// slot step, whatever range a client asks about. Windows are the mentor's daily open hours (a
// rule or an exception on one local date); adjacent windows merge into one bookable range (a
// session may run across midnight), and inside it each window's start re-anchors the grid until
// the next window starts.

type Range = [number, number];
/** Merged open ranges, with the starts of the windows they were made of. */
export type OpenRanges = Range[] & { anchors?: number[] };

export function withAnchors(ranges: Range[], windows: Range[]): OpenRanges {
  const anchors = [...new Set(windows.map(([a]) => a))].sort((x, y) => x - y);
  return Object.assign(ranges, { anchors });
}

/** The window start that governs `t` inside `range`: the latest one at or before it. */
export function anchorFor(t: number, range: Range, anchors: readonly number[] | undefined): number {
  let best = range[0];
  for (const a of anchors ?? []) {
    if (a > t) break;
    if (a >= range[0]) best = a;
  }
  return best;
}

export const onGrid = (t: number, range: Range, anchors: readonly number[] | undefined, step: number) => (t - anchorFor(t, range, anchors)) % step === 0;

/** Every grid start inside `range` (ascending). */
export function gridStarts(range: Range, anchors: readonly number[] | undefined, step: number): number[] {
  const inside = [range[0], ...(anchors ?? []).filter((a) => a > range[0] && a < range[1])];
  const out: number[] = [];
  inside.forEach((a, i) => {
    const next = inside[i + 1] ?? range[1];
    for (let s = a; s < next; s += step) out.push(s);
  });
  return out;
}
