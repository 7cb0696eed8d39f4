// A ticking clock for countdowns; each user of it keeps its own interval while mounted.
import { createSignal, onCleanup } from "solid-js";

export function createNow(everyMs = 1000) {
  const [now, setNow] = createSignal(Date.now());
  const id = setInterval(() => setNow(Date.now()), everyMs);
  onCleanup(() => clearInterval(id));
  return now;
}

/** "1:05:09" / "4:07" for a duration in ms (negative counts as zero). */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

export const fmtTime = (iso?: string | null) => (iso ? new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }) : "—");

/** "in 3 h 20 min" / "2 d ago": a deadline or an age a person reads at a glance. */
export function relative(ms: number): string {
  const abs = Math.abs(ms);
  const min = Math.round(abs / 60_000);
  const text = min < 60 ? `${min} min` : min < 48 * 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${Math.floor(min / 1440)} d`;
  return ms >= 0 ? `in ${text}` : `${text} ago`;
}
