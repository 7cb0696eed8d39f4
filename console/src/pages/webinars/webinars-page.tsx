// Webinars for staff: upcoming and running ones soonest first (cancelled ones too, marked), or
// also those of the last 90 days; each links to its page with registrations and cancellation.
import { createSignal, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { WebinarRowFieldsFragment } from "../../gql/graphql";
import { WebinarsDocument } from "./webinars.documents";
import { Badge, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState, type Column } from "../../components/paged-list";
import { WEBINAR_STATUS, seatsText, webinarTone } from "./labels";

type Row = WebinarRowFieldsFragment;

const COLUMNS: Column<Row>[] = [
  { header: "Webinar", cell: (w) => <A href={`/webinars/${w.id}`}>{w.title}</A> },
  { header: "Host", cell: (w) => <A href={`/users/${w.hostId}`}>{w.hostName}</A> },
  { header: "Starts", cell: (w) => fmtDate(w.startsAt) },
  { header: "Ends", cell: (w) => fmtDate(w.endsAt) },
  { header: "Registered", cell: (w) => seatsText(w) },
  {
    header: "Status",
    cell: (w) => (
      <>
        <Badge tone={webinarTone(w.status)}>{WEBINAR_STATUS[w.status]}</Badge>
        <Show when={w.cancelReason}>
          <span class="muted"> {w.cancelReason}</span>
        </Show>
      </>
    ),
  },
];

const PAST_DAYS = 90;
const TYPES = { additionalTypenames: ["Webinar"] };

const WebinarsPage: Component = () => {
  const [past, setPast] = createSignal(false);
  const [cancelled, setCancelled] = createSignal(true);
  const cursor = createCursor();
  const [res] = createQuery({
    query: WebinarsDocument,
    variables: () => ({
      first: 25,
      after: cursor.after(),
      includeCancelled: cancelled(),
      from: past() ? new Date(Date.now() - PAST_DAYS * 86_400_000).toISOString() : undefined,
    }),
    context: TYPES,
    requestPolicy: "cache-and-network",
  });
  return (
    <section>
      <h1>Webinars</h1>
      <div class="row filters">
        <label class="radio">
          <input
            type="checkbox"
            checked={cancelled()}
            onChange={(e) => {
              cursor.reset();
              setCancelled(e.currentTarget.checked);
            }}
          />{" "}
          Include cancelled
        </label>
        <label class="radio">
          <input
            type="checkbox"
            checked={past()}
            onChange={(e) => {
              cursor.reset();
              setPast(e.currentTarget.checked);
            }}
          />{" "}
          Also ended in the last {PAST_DAYS} days
        </label>
      </div>
      <DataTable
        state={connectionState(() => res, () => res.data?.webinars)}
        cursor={cursor}
        empty="No webinars."
        testId="webinars"
        rowAttrs={(w) => ({ "data-testid": "webinar-row", "data-webinar-id": w.id })}
        columns={COLUMNS}
      />
    </section>
  );
};

export default WebinarsPage;
