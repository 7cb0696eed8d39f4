// Every mentorship for staff, newest first, filtered by state (and by person when opened from a
// person's page); each row links to the mentorship and to its two people.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { MentorshipRowFieldsFragment, MentorshipStatus } from "../../gql/graphql";
import { MentorshipsDocument } from "./mentorships.documents";
import { Badge, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState, type Column } from "../../components/paged-list";
import { MENTORSHIP_STATUS, mentorshipTone, pairLabel } from "./labels";

type Row = MentorshipRowFieldsFragment;

const COLUMNS: Column<Row>[] = [
  { header: "Mentorship", cell: (m) => <A href={`/mentorships/${m.id}`}>{pairLabel(m)}</A> },
  { header: "Mentor", cell: (m) => <A href={`/users/${m.mentor.id}`}>{m.mentor.displayName}</A> },
  { header: "Mentee", cell: (m) => <A href={`/users/${m.mentee.id}`}>{m.mentee.displayName}</A> },
  { header: "State", cell: (m) => <Badge tone={mentorshipTone(m.status)}>{MENTORSHIP_STATUS[m.status]}</Badge> },
  { header: "Requested", cell: (m) => fmtDate(m.createdAt) },
  { header: "Active since", cell: (m) => fmtDate(m.activatedAt) },
  { header: "Ended", cell: (m) => fmtDate(m.endedAt) },
];

const STATES: (MentorshipStatus | "")[] = ["ACTIVE", "PENDING", "COMPLETED", "ENDED", "DECLINED", "EXPIRED", ""];

// An end returns a Mentorship; an empty page names none, so say what refreshes it.
const TYPES = { additionalTypenames: ["Mentorship"] };

const MentorshipsPage: Component = () => {
  const [search, setSearch] = useSearchParams<{ user?: string; name?: string }>();
  // Opened from a person's page: all of their mentorships, whatever the state.
  const [status, setStatus] = createSignal<MentorshipStatus | "">(search.user ? "" : "ACTIVE");
  const cursor = createCursor();
  const [res] = createQuery({
    query: MentorshipsDocument,
    variables: () => ({ first: 25, after: cursor.after(), filter: { status: status() || undefined, userId: search.user || undefined } }),
    context: TYPES,
    requestPolicy: "cache-and-network",
  });
  return (
    <section>
      <h1>Mentorships</h1>
      <div class="row filters">
        <label>
          State
          <select
            value={status()}
            onChange={(e) => {
              cursor.reset();
              setStatus(e.currentTarget.value as MentorshipStatus | "");
            }}
          >
            <For each={STATES}>{(s) => <option value={s}>{s ? MENTORSHIP_STATUS[s] : "Any state"}</option>}</For>
          </select>
        </label>
        <Show when={search.user}>
          <span class="muted" data-testid="mentorships-person">
            Only mentorships of <A href={`/users/${search.user}`}>{search.name || "this person"}</A>{" "}
            <button
              type="button"
              class="link"
              onClick={() => {
                cursor.reset();
                setSearch({ user: undefined, name: undefined });
              }}
            >
              (show everyone’s)
            </button>
          </span>
        </Show>
      </div>
      <DataTable
        state={connectionState(() => res, () => res.data?.mentorships)}
        cursor={cursor}
        empty="No mentorships in this state."
        testId="mentorships"
        rowAttrs={(m) => ({ "data-testid": "mentorship-row", "data-mentorship-id": m.id })}
        columns={COLUMNS}
      />
    </section>
  );
};

export default MentorshipsPage;
