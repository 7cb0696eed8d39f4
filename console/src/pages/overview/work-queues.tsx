// What needs doing now: each staff queue with its count, what is overdue or unowned, and a
// countdown to the nearest deadline; each tile links to its queue.
import { For, Show } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { WorkQueueName } from "../../gql/graphql";
import { WorkQueuesDocument } from "./overview.documents";
import { Badge, ErrorBox, Loading } from "../../components/ui";
import { createNow, relative } from "../../lib/now";

const QUEUES: Record<WorkQueueName, { title: string; href?: string; unit: string }> = {
  DISPUTES: { title: "Disputes", href: "/disputes", unit: "open" },
  REPORTS: { title: "Reports to review", href: "/safety", unit: "waiting" },
  APPEALS: { title: "Appeals", href: "/safety/appeals", unit: "pending" },
  PARTIAL_REFUNDS: { title: "Partial refunds (hang-ups)", href: "/refunds/partial", unit: "pending" },
  APPLICATIONS: { title: "Mentor applications", href: "/applications", unit: "pending" },
  TICKETS: { title: "Support tickets", href: "/support", unit: "open" },
};

export const WorkQueues = () => {
  const [res] = createQuery({ query: WorkQueuesDocument, requestPolicy: "cache-and-network" });
  const now = createNow(30_000);
  return (
    <section aria-labelledby="queues-title">
      <h2 id="queues-title">Work queues</h2>
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        <ul class="queues">
          <For each={res.data!.workQueues}>
            {(q) => (
              <li class="card" data-testid="work-queue" data-queue={q.name}>
                <Show when={QUEUES[q.name].href} fallback={<strong>{QUEUES[q.name].title}</strong>}>
                  <A href={QUEUES[q.name].href!}>{QUEUES[q.name].title}</A>
                </Show>
                <p class="count">
                  <strong data-testid="queue-open">{q.open}</strong> {QUEUES[q.name].unit}
                </p>
                <div class="row">
                  <Show when={q.overdue}>
                    <Badge tone="bad">{q.overdue} overdue</Badge>
                  </Show>
                  <Show when={q.unassigned}>
                    <Badge tone="warn">{q.unassigned} unassigned</Badge>
                  </Show>
                </div>
                <Show when={q.open && q.nextDueAt}>
                  <p class="muted">Next deadline {relative(new Date(q.nextDueAt!).getTime() - now())}</p>
                </Show>
                <Show when={q.open && q.oldestAt}>
                  <p class="muted">Oldest waiting since {relative(new Date(q.oldestAt!).getTime() - now()).replace(" ago", "")}</p>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
};
