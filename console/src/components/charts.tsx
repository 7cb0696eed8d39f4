// Small SVG charts (no chart library): bars for counts per day, with an accessible table
// equivalent in the accessible label and per-bar <title> tooltips.
import { For, Show, createMemo } from "solid-js";

export interface Point {
  label: string;
  value: number;
  /** Extra words for the tooltip and the accessible label (e.g. a sum behind a count). */
  detail?: string;
}

export const BarChart = (props: { title: string; points: Point[]; height?: number; format?: (v: number) => string; tone?: string }) => {
  const H = () => props.height ?? 160;
  const W = 640;
  const pad = { l: 36, r: 8, t: 8, b: 28 };
  const max = createMemo(() => Math.max(1, ...props.points.map((p) => p.value)));
  const bw = () => (W - pad.l - pad.r) / Math.max(1, props.points.length);
  const y = (v: number) => pad.t + (H() - pad.t - pad.b) * (1 - v / max());
  const fmt = (v: number) => (props.format ? props.format(v) : String(v));
  const say = (p: Point) => `${p.label} ${fmt(p.value)}${p.detail ? ` (${p.detail})` : ""}`;
  const every = () => Math.ceil(props.points.length / 10);
  return (
    <figure class="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H()}`} role="img" aria-label={`${props.title}: ${props.points.map(say).join(", ")}`}>
        <line x1={pad.l} x2={W - pad.r} y1={y(0)} y2={y(0)} class="axis" />
        <text x={pad.l - 4} y={y(max()) + 4} class="tick" text-anchor="end">
          {fmt(max())}
        </text>
        <text x={pad.l - 4} y={y(0)} class="tick" text-anchor="end">
          0
        </text>
        <For each={props.points}>
          {(p, i) => (
            <g>
              <rect
                x={pad.l + i() * bw() + 2}
                width={Math.max(1, bw() - 4)}
                y={y(p.value)}
                height={Math.max(0, y(0) - y(p.value))}
                class="bar"
                style={props.tone ? { fill: props.tone } : undefined}
              >
                <title>{`${p.label}: ${fmt(p.value)}${p.detail ? ` (${p.detail})` : ""}`}</title>
              </rect>
              <Show when={i() % every() === 0}>
                <text x={pad.l + i() * bw() + bw() / 2} y={H() - 10} class="tick" text-anchor="middle">
                  {p.label}
                </text>
              </Show>
            </g>
          )}
        </For>
      </svg>
    </figure>
  );
};

/** Counts items per calendar day (local time) over the last `days` days, oldest first. */
export function perDay<T>(items: T[], at: (x: T) => string, days: number, now = new Date()): Point[] {
  const key = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
  const counts = new Map<string, number>();
  for (const it of items) {
    const k = key(new Date(at(it)));
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const out: Point[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const d = new Date(now);
    d.setDate(d.getDate() - i);
    out.push({ label: d.toLocaleDateString(undefined, { month: "short", day: "numeric" }), value: counts.get(key(d)) ?? 0 });
  }
  return out;
}
