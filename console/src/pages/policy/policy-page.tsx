// Admins' policy editor: every setting, labelled and described by the API, with its value in
// force; edits reviewed in a dialog (what changes, who would be affected) before saving a new
// version with a reason.
import { createMemo, createSignal, For, Show, type Component } from "solid-js";
import { createQuery } from "@urql/solid";
import { PolicyPageDocument } from "./policy.documents";
import { ErrorBox, Loading, Button, fmtDate } from "../../components/ui";
import { diff, flatten, humanize, parseLeaf, same, show, type Flat } from "./policy-values";
import { ReviewDialog } from "./review-dialog";
import { DiffTable } from "./diff-table";
import { SettingInput, showSetting } from "./setting-input";

const PolicyPage: Component = () => {
  const [res] = createQuery({ query: PolicyPageDocument });
  const [edits, setEdits] = createSignal<Record<string, string>>({});
  const [reviewing, setReviewing] = createSignal(false);
  const [saved, setSaved] = createSignal<number | null>(null);

  const current = createMemo<Flat>(() => flatten(res.data?.policy.values));
  // Sections and the words for each setting come from the API (the schema that validates the policy).
  const fields = createMemo(() => new Map((res.data?.policyFields ?? []).map((f) => [f.key, f])));
  const sections = createMemo(() => {
    const by = new Map<string, { label: string; paths: string[] }>();
    for (const path of Object.keys(current())) {
      const [section] = path.split(".");
      const entry = by.get(section) ?? { label: fields().get(path)?.sectionLabel ?? humanize(section), paths: [] };
      entry.paths.push(path);
      by.set(section, entry);
    }
    return [...by.values()];
  });
  const parsed = createMemo(() => {
    const ok: Flat = {};
    const bad: Record<string, string> = {};
    for (const [path, text] of Object.entries(edits())) {
      const like = current()[path];
      if (like === undefined) continue;
      const v = parseLeaf(text, like);
      if (v instanceof Error) bad[path] = `Enter ${v.message}`;
      else if (!same(v, like)) ok[path] = v;
    }
    return { changes: ok, invalid: bad };
  });
  const changedCount = () => Object.keys(parsed().changes).length;
  const invalid = () => Object.keys(parsed().invalid).length > 0;
  const valueOf = (path: string) => edits()[path] ?? show(current()[path]);
  const edit = (path: string, text: string) => {
    setSaved(null);
    setEdits((x) => ({ ...x, [path]: text }));
  };

  return (
    <section>
      <h1>Policy</h1>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(d) => (
          <>
            <p>
              Version <strong data-testid="policy-version">{d().policy.version}</strong> is in force. Changes apply from the next
              saved version and are recorded in the audit log.
            </p>
            <Show when={saved()}>
              <p class="success" role="status">
                Saved version {saved()}.
              </p>
            </Show>
            <form
              class="policy-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (changedCount() && !invalid()) setReviewing(true);
              }}
            >
              <For each={sections()}>
                {({ label, paths }) => (
                  <fieldset>
                    <legend>{label}</legend>
                    <table class="table compact">
                      <thead>
                        <tr>
                          <th scope="col">Setting</th>
                          <th scope="col">In force</th>
                          <th scope="col">New value</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={paths}>
                          {(path) => {
                            const id = `p-${path.replace(/\./g, "-")}`;
                            const field = () => fields().get(path);
                            return (
                              <tr data-testid="policy-setting" data-key={path} classList={{ changed: path in parsed().changes, invalid: path in parsed().invalid }}>
                                <th scope="row">
                                  <label id={`${id}-label`} for={id}>
                                    {field()?.label ?? humanize(path.slice(path.indexOf(".") + 1))}
                                  </label>
                                  <div id={`${id}-about`} class="muted">
                                    {field()?.description}
                                  </div>
                                  <div class="muted mono">{path}</div>
                                </th>
                                <td>{showSetting(field(), current()[path])}</td>
                                <td>
                                  <Show
                                    when={field()}
                                    fallback={<input id={id} name={path} value={valueOf(path)} onInput={(e) => edit(path, e.currentTarget.value)} />}
                                  >
                                    {(f) => <SettingInput id={id} field={f()} value={valueOf(path)} invalid={path in parsed().invalid} onChange={(text) => edit(path, text)} />}
                                  </Show>
                                  <Show when={parsed().invalid[path]}>
                                    <div class="field-error">{parsed().invalid[path]}</div>
                                  </Show>
                                </td>
                              </tr>
                            );
                          }}
                        </For>
                      </tbody>
                    </table>
                  </fieldset>
                )}
              </For>
              <div class="actions sticky">
                <span class="muted">{changedCount() ? `${changedCount()} change(s)` : "No changes"}</span>
                <Button type="submit" kind="primary" disabled={!changedCount() || invalid()}>
                  Review changes…
                </Button>
                <Button onClick={() => setEdits({})} disabled={!Object.keys(edits()).length}>
                  Discard
                </Button>
              </div>
            </form>
            <Show when={reviewing()}>
              <ReviewDialog
                version={d().policy.version}
                current={current()}
                changes={parsed().changes}
                onClose={() => setReviewing(false)}
                onSaved={(v) => {
                  setReviewing(false);
                  setEdits({});
                  setSaved(v);
                }}
              />
            </Show>
            <h2>History</h2>
            <ol class="history">
              <For each={d().policyHistory}>
                {(v, i) => {
                  const prev = () => d().policyHistory[i() + 1];
                  const changes = () => (prev() ? diff(prev()!.values, v.values) : []);
                  return (
                    <li>
                      <details>
                        <summary>
                          <strong>v{v.version}</strong> · {fmtDate(v.createdAt)} · {v.createdBy?.displayName ?? "system"} — {v.reason}
                        </summary>
                        <Show when={prev()} fallback={<p class="muted">Initial version.</p>}>
                          <DiffTable rows={changes()} />
                        </Show>
                      </details>
                    </li>
                  );
                }}
              </For>
            </ol>
          </>
        )}
      </Show>
    </section>
  );
};

export default PolicyPage;
