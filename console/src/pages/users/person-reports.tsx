// The reports a person filed and the reports about them (newest first), for staff who read reports.
import { For, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import { PersonReportsDocument } from "./users.documents";
import { Badge, Empty, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { words } from "../safety/labels";

export const PersonReports: Component<{ userId: string }> = (props) => {
  const [res] = createQuery({ query: PersonReportsDocument, variables: () => ({ userId: props.userId, last: 50 }), context: { additionalTypenames: ["Report"] } });
  // The queue lists oldest first; a person's history reads newest first.
  const newest = <T,>(edges: { node: T }[] | undefined) => (edges ?? []).map((e) => e.node).reverse();
  return (
    <>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(d) => (
          <>
            <h2>Reports filed by this person</h2>
            <Show when={d().filed.edges.length} fallback={<Empty>None.</Empty>}>
              <ul data-testid="person-reports-filed">
                <For each={newest(d().filed.edges)}>
                  {(r) => (
                    <li>
                      {fmtDate(r.createdAt)} · {words(r.category)} · about <A href={`/users/${r.subject.id}`}>{r.subject.displayName}</A> ·{" "}
                      <Badge>{words(r.status)}</Badge>
                      {r.decisionReason ? ` · ${r.decisionReason}` : ""}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <h2>Reports about this person</h2>
            <Show when={d().about.edges.length} fallback={<Empty>None.</Empty>}>
              <ul data-testid="person-reports">
                <For each={newest(d().about.edges)}>
                  {(r) => (
                    <li>
                      {fmtDate(r.createdAt)} · {words(r.category)} · by{" "}
                      <Show when={r.reporter} fallback={words(r.source)}>
                        {(by) => <A href={`/users/${by().id}`}>{by().displayName}</A>}
                      </Show>{" "}
                      · <Badge>{words(r.status)}</Badge>
                      {r.decisionReason ? ` · ${r.decisionReason}` : ""}
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </>
  );
};
