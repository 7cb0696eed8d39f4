// Who a policy change would affect: the API's dry run (previewPolicyChange), shown before saving.
// The console does not compute it; it lists what the server says.
import { For, Show, createEffect, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import { PreviewPolicyChangeDocument } from "./policy.documents";
import { ErrorBox, Loading } from "../../components/ui";

/** `onSettled(true)` once the preview (or its error) is shown, so saving waits for it. */
export const PolicyPreview: Component<{ changes: Record<string, unknown>; onSettled?(settled: boolean): void }> = (props) => {
  const [res] = createQuery({ query: PreviewPolicyChangeDocument, variables: () => ({ changes: props.changes }), requestPolicy: "network-only" });
  createEffect(() => props.onSettled?.(!res.fetching && Boolean(res.data || res.error)));
  const rows = () => res.data?.previewPolicyChange.changes ?? [];
  return (
    <div class="preview" data-testid="policy-preview" aria-busy={res.fetching ? "true" : undefined}>
      <h3>Who would be affected</h3>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading label="Computing the preview…" /></Show>}>
        <Show when={rows().length} fallback={<p data-testid="preview-none">No user's standing would change.</p>}>
          <p>
            {rows().length} change(s) in standing compared with version {res.data!.previewPolicyChange.currentVersion}:
          </p>
          <table class="table compact">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Aspect</th>
                <th scope="col">Now</th>
                <th scope="col">Proposed</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(c) => (
                  <tr data-testid="preview-row">
                    <td>
                      <A href={`/users/${c.user.id}`}>{c.user.displayName}</A>
                    </td>
                    <td class="mono">{c.aspect}</td>
                    <td>{c.current}</td>
                    <td>
                      <strong>{c.proposed}</strong>
                    </td>
                    <td>{c.detail}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </Show>
    </div>
  );
};
