// Search accounts (name or email), filter by role and status; a row opens the profile.
import { createSignal, For, Show, createMemo, type Component } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { AccountStatus, Role } from "../../gql/graphql";
import { UsersPageDocument } from "./users.documents";
import { Badge, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState } from "../../components/paged-list";
import { roleLabel, statusTone } from "./labels";

const ROLES: Role[] = ["ADMIN", "SUPPORT", "MENTOR", "MENTEE"];
const STATUSES: AccountStatus[] = ["ACTIVE", "SUSPENDED", "BANNED", "DEACTIVATED"];

const UsersPage: Component = () => {
  const [params, setParams] = useSearchParams<{ q?: string; role?: string; status?: string }>();
  const [draft, setDraft] = createSignal(params.q ?? "");
  const cursor = createCursor();
  const filter = createMemo(() => ({
    search: params.q || undefined,
    role: (params.role as Role) || undefined,
    status: (params.status as AccountStatus) || undefined,
  }));
  const [res] = createQuery({
    query: UsersPageDocument,
    variables: () => ({ first: 25, after: cursor.after(), filter: filter() }),
  });
  const update = (p: Partial<{ q: string; role: string; status: string }>) => {
    cursor.reset();
    setParams(p);
  };

  return (
    <section>
      <h1>Users</h1>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: draft().trim() || undefined });
        }}
      >
        <label>
          Name or email
          <input type="search" name="q" value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <label>
          Role
          <select name="role" value={params.role ?? ""} onChange={(e) => update({ role: e.currentTarget.value || undefined })}>
            <option value="">Any</option>
            <For each={ROLES}>{(r) => <option value={r}>{roleLabel(r)}</option>}</For>
          </select>
        </label>
        <label>
          Status
          <select name="status" value={params.status ?? ""} onChange={(e) => update({ status: e.currentTarget.value || undefined })}>
            <option value="">Any</option>
            <For each={STATUSES}>{(s) => <option value={s}>{s.toLowerCase()}</option>}</For>
          </select>
        </label>
        <button class="btn primary" type="submit">
          Search
        </button>
      </form>
      <DataTable
        state={connectionState(() => res, () => res.data?.users)}
        cursor={cursor}
        empty="No user matches."
        columns={[
          { header: "Name", cell: (u) => <A href={`/users/${u.id}`}>{u.displayName}</A> },
          { header: "Email", cell: (u) => u.email ?? "—" },
          {
            header: "Role",
            cell: (u) => (
              <>
                {roleLabel(u.role)}
                <Show when={u.mentorProfile && !u.mentorProfile.approved}>
                  {" "}
                  <Badge tone="warn">not approved</Badge>
                </Show>
              </>
            ),
          },
          { header: "Status", cell: (u) => <Badge tone={statusTone(u.status)}>{u.status.toLowerCase()}</Badge> },
          { header: "Joined", cell: (u) => fmtDate(u.createdAt) },
        ]}
      />
    </section>
  );
};

export default UsersPage;
