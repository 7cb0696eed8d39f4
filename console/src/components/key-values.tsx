// Structured values (evidence, audit before/after) as readable key/value lists instead of raw
// JSON: keys in words, nested objects indented, lists as lists, empty values as a dash.
import { For, Show, type JSX } from "solid-js";
import { humanize } from "../lib/audit-labels";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function KeyValues(props: { value: unknown; testId?: string }): JSX.Element {
  return <div data-testid={props.testId}>{render(props.value)}</div>;
}

function render(v: unknown): JSX.Element {
  if (v === null || v === undefined || v === "") return <span class="muted">—</span>;
  if (Array.isArray(v))
    return (
      <Show when={v.length} fallback={<span class="muted">none</span>}>
        <ul class="kv-list">
          <For each={v}>{(x) => <li>{render(x)}</li>}</For>
        </ul>
      </Show>
    );
  if (isRecord(v))
    return (
      <dl class="facts kv">
        <For each={Object.entries(v)}>
          {([k, x]) => (
            <>
              <dt>{humanize(k)}</dt>
              <dd>{render(x)}</dd>
            </>
          )}
        </For>
      </dl>
    );
  if (typeof v === "boolean") return <>{v ? "yes" : "no"}</>;
  return <>{String(v)}</>;
}
