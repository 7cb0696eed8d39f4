// The editor of one policy setting, by its kind (from the API's policyFields): a number box, a
// yes/no select, a select of labelled options, or one checkbox per option of a list. Each edits
// the setting's text, which the page parses like the value in force.
import { For, Match, Switch, type Component } from "solid-js";
import type { PolicyFieldFieldsFragment } from "../../gql/graphql";
import { show, type Leaf } from "./policy-values";

/** A value in force in words: option labels for choices, yes/no, the unit for numbers. */
export function showSetting(f: PolicyFieldFieldsFragment | undefined, v: Leaf | undefined): string {
  if (v === undefined || !f) return show(v);
  const label = (x: string) => f.options.find((o) => o.value === x)?.label ?? x;
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (f.kind === "CHOICE") return label(String(v));
  if (f.kind === "CHOICE_LIST") return Array.isArray(v) && v.length ? (v as string[]).map(label).join("; ") : "none";
  return f.unit && f.unit !== "count" ? `${show(v)} ${f.unit}` : show(v);
}

const listOf = (text: string) => text.split(",").map((s) => s.trim()).filter(Boolean);

export const SettingInput: Component<{
  id: string;
  field: PolicyFieldFieldsFragment;
  value: string;
  invalid: boolean;
  onChange(text: string): void;
}> = (props) => (
  <Switch
    fallback={
      <input
        id={props.id}
        name={props.field.key}
        value={props.value}
        inputmode={props.field.kind === "NUMBER" ? "numeric" : undefined}
        aria-describedby={`${props.id}-about`}
        aria-invalid={props.invalid ? "true" : undefined}
        onInput={(e) => props.onChange(e.currentTarget.value)}
      />
    }
  >
    <Match when={props.field.kind === "BOOLEAN"}>
      <select id={props.id} name={props.field.key} value={props.value} aria-describedby={`${props.id}-about`} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    </Match>
    <Match when={props.field.kind === "CHOICE"}>
      <select id={props.id} name={props.field.key} value={props.value} aria-describedby={`${props.id}-about`} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <For each={props.field.options}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    </Match>
    <Match when={props.field.kind === "CHOICE_LIST"}>
      <div id={props.id} role="group" aria-labelledby={`${props.id}-label`} aria-describedby={`${props.id}-about`} class="stack">
        <For each={props.field.options}>
          {(o) => (
            <label class="radio">
              <input
                type="checkbox"
                name={props.field.key}
                value={o.value}
                checked={listOf(props.value).includes(o.value)}
                onChange={(e) => {
                  const on = new Set(listOf(props.value));
                  if (e.currentTarget.checked) on.add(o.value);
                  else on.delete(o.value);
                  // Kept in the order the options are offered, so an unchanged set is no change.
                  props.onChange(props.field.options.filter((x) => on.has(x.value)).map((x) => x.value).join(", "));
                }}
              />{" "}
              {o.label}
            </label>
          )}
        </For>
      </div>
    </Match>
  </Switch>
);
