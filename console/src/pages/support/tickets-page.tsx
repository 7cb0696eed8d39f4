// The support ticket queue: tickets waiting for support first (oldest first, as the API orders
// the staff queue), then by status; each links to its thread.
import { createSignal, For, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { SupportTicketStatus } from "../../gql/graphql";
import { SupportTicketsDocument } from "./support.documents";
import { Badge, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState, type Column } from "../../components/paged-list";
import { STATUS_LABEL, statusTone } from "./labels";

type Row = { id: string; subject: string; status: SupportTicketStatus; requesterId: string; requesterName: string; assigneeName?: string | null; createdAt: string; updatedAt: string };

const COLUMNS: Column<Row>[] = [
  { header: "Subject", cell: (t) => <A href={`/support/${t.id}`}>{t.subject}</A> },
  { header: "Asked by", cell: (t) => <A href={`/users/${t.requesterId}`}>{t.requesterName}</A> },
  { header: "Status", cell: (t) => <Badge tone={statusTone(t.status)}>{STATUS_LABEL[t.status]}</Badge> },
  { header: "Assignee", cell: (t) => t.assigneeName ?? <span class="muted">nobody</span> },
  { header: "Opened", cell: (t) => fmtDate(t.createdAt) },
  { header: "Last activity", cell: (t) => fmtDate(t.updatedAt) },
];

const FILTERS: { value: SupportTicketStatus | ""; label: string }[] = [
  { value: "OPEN", label: STATUS_LABEL.OPEN },
  { value: "ANSWERED", label: STATUS_LABEL.ANSWERED },
  { value: "CLOSED", label: STATUS_LABEL.CLOSED },
  { value: "", label: "Any status" },
];

// Ticket writes return SupportTicket rows; an empty page names none, so say what refreshes it.
const TICKET_TYPES = { additionalTypenames: ["SupportTicket"] };

const TicketsPage: Component = () => {
  const [status, setStatus] = createSignal<SupportTicketStatus | "">("OPEN");
  const [mine, setMine] = createSignal(false);
  const cursor = createCursor();
  const [res] = createQuery({
    query: SupportTicketsDocument,
    variables: () => ({ first: 25, after: cursor.after(), filter: { status: status() || undefined, assignedToMe: mine() || undefined } }),
    context: TICKET_TYPES,
    requestPolicy: "cache-and-network",
  });
  return (
    <section>
      <h1>Support tickets</h1>
      <div class="row filters">
        <label>
          Status
          <select
            value={status()}
            onChange={(e) => {
              cursor.reset();
              setStatus(e.currentTarget.value as SupportTicketStatus | "");
            }}
          >
            <For each={FILTERS}>{(f) => <option value={f.value}>{f.label}</option>}</For>
          </select>
        </label>
        <label class="radio">
          <input
            type="checkbox"
            checked={mine()}
            onChange={(e) => {
              cursor.reset();
              setMine(e.currentTarget.checked);
            }}
          />{" "}
          Assigned to me
        </label>
      </div>
      <DataTable
        state={connectionState(() => res, () => res.data?.supportTickets)}
        cursor={cursor}
        empty="No tickets here."
        testId="tickets"
        rowAttrs={(t) => ({ "data-testid": "ticket-row", "data-ticket-id": t.id })}
        columns={COLUMNS}
      />
    </section>
  );
};

export default TicketsPage;
