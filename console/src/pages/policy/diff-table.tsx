import { For, Show } from "solid-js";
import { show, type Leaf } from "./policy-values";

export const DiffTable = (props: { rows: { path: string; from?: Leaf; to?: Leaf }[] }) => (
  <Show when={props.rows.length} fallback={<p class="muted">No value changed.</p>}>
    <table class="table compact">
      <thead>
        <tr>
          <th scope="col">Threshold</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(r) => (
            <tr>
              <td class="mono">{r.path}</td>
              <td>{show(r.from)}</td>
              <td>{show(r.to)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  </Show>
);
