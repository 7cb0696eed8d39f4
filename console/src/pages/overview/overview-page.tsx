// Landing page: who is signed in, where to go, and the charts the API can feed today.
import { For, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import { useViewer, allows } from "../../lib/viewer";
import { PAGES } from "../../routes";
import { OverviewAuditDocument } from "./overview.documents";
import { BarChart, perDay } from "../../components/charts";
import { ErrorBox, Loading } from "../../components/ui";

const OverviewPage: Component = () => {
  const { viewer, can } = useViewer();
  const pages = () => PAGES.filter((p) => p.nav && p.path !== "/" && (!p.need || allows(viewer(), p.need)));
  return (
    <section>
      <h1>Overview</h1>
      <p>Signed in as {viewer()?.user.displayName}.</p>
      <Show when={pages().length} fallback={<p>Your account has no console pages. Staff accounts see their tools here.</p>}>
        <ul class="tiles">
          <For each={pages()}>
            {(p) => (
              <li>
                <A href={p.path}>{p.title}</A>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={can("read", "AuditLog", true)}>
        <AuditActivity />
      </Show>
    </section>
  );
};

const AuditActivity: Component = () => {
  const [res] = createQuery({ query: OverviewAuditDocument, variables: { first: 100 } });
  const points = () => perDay(res.data?.auditLog.edges.map((e) => e.node) ?? [], (n) => n.createdAt, 14);
  return (
    <>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <BarChart title="Staff and system actions per day (last 100, 14 days)" points={points()} />
      </Show>
    </>
  );
};

export default OverviewPage;
