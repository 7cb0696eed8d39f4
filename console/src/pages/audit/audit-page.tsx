// Audit log, newest first: filter by actor, action and subject; new entries stream in over the
// subscription and are merged in time order while the first page is shown. Actions read as words
// (the code stays visible beneath); before/after read as key/value lists. People (the actor, a User
// subject) are picked by name; the URL keeps their ids so links to a filtered log still work.
import { createEffect, createMemo, createSignal, For, on, Show, type Component } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { createQuery, createSubscription } from "@urql/solid";
import type { AuditEntryFieldsFragment } from "../../gql/graphql";
import { AuditEntryAddedDocument, AuditLogDocument } from "./audit.documents";
import { Badge, Button, ErrorBox, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState } from "../../components/paged-list";
import { KeyValues } from "../../components/key-values";
import { actionLabel } from "../../lib/audit-labels";
import { PersonPicker } from "../../components/person-picker";

/** Newest first; ties (one transaction) by id, also newest first. */
const newestFirst = (a: AuditEntryFieldsFragment, b: AuditEntryFieldsFragment) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

type Filter = { actorId?: string; action?: string; subjectType?: string; subjectId?: string };
// The console page of a subject, where it has one.
const SUBJECT_PAGES: Record<string, (id: string) => string> = {
  User: (id) => `/users/${id}`,
  Session: (id) => `/sessions/${id}`,
  Dispute: (id) => `/disputes/${id}`,
  Mentorship: (id) => `/mentorships/${id}`,
  Report: (id) => `/safety/reports/${id}`,
  SupportTicket: (id) => `/support/${id}`,
  Webinar: (id) => `/webinars/${id}`,
  ForumThread: (id) => `/forums/threads/${id}`,
};
const subjectPage = (type: string, id: string) => SUBJECT_PAGES[type]?.(id);
const KEYS = ["actorId", "action", "subjectType", "subjectId"] as const;
// The subject types the API records (free text still works for a type not listed).
const SUBJECT_TYPES = ["User", "Session", "Mentorship", "Program", "Dispute", "Report", "Enforcement", "Appeal", "Certificate", "SupportTicket", "Refund", "PartialRefundRequest", "LibraryItem", "Webinar", "PolicyVersion"];
/** A subject of this type (or of no type yet) is a person, found by name. */
const isPersonType = (t?: string) => !t || t === "User";

const AuditPage: Component = () => {
  const [params, setParams] = useSearchParams<Filter>();
  const filter = createMemo<Filter>(() => Object.fromEntries(KEYS.filter((k) => params[k]).map((k) => [k, params[k]])));
  const [draft, setDraft] = createSignal<Filter>({ ...filter() });
  // The browser's back and forward buttons change the URL without a submit: the fields follow it.
  createEffect(on(filter, (f) => setDraft({ ...f }), { defer: true }));
  // Names already on screen (a picked person, a clicked actor) spare the picker a look-up.
  const [names, setNames] = createSignal<Record<string, string>>({});
  const remember = (id: string, name: string) => setNames((n) => ({ ...n, [id]: name }));
  const cursor = createCursor();
  const [res] = createQuery({
    query: AuditLogDocument,
    variables: () => ({ first: 25, after: cursor.after(), filter: filter() }),
    requestPolicy: "network-only",
  });
  const [live] = createSubscription({ query: AuditEntryAddedDocument }, (prev: AuditEntryFieldsFragment[] = [], data) => [
    data.auditEntryAdded,
    ...prev,
  ]);
  const matches = (e: AuditEntryFieldsFragment) => {
    const f = filter();
    return (
      (!f.actorId || e.actor?.id === f.actorId) &&
      (!f.action || e.action === f.action) &&
      (!f.subjectType || e.subjectType === f.subjectType) &&
      (!f.subjectId || e.subjectId === f.subjectId)
    );
  };
  const rows = createMemo(() => {
    const fetched = res.data?.auditLog.edges.map((e) => e.node) ?? [];
    if (cursor.hasPrev()) return [...fetched].sort(newestFirst);
    const seen = new Set(fetched.map((e) => e.id));
    // Live entries may arrive out of order (several processes); merge and order by time.
    return [...(live.data ?? []).filter((e) => matches(e) && !seen.has(e.id)), ...fetched].sort(newestFirst);
  });
  // The API names the subjects it can (subjectLabel); a person picked or on screen is named too.
  const knownName = (id: string) => names()[id] ?? rows().find((e) => e.actor?.id === id)?.actor?.displayName;
  const apply = (f: Filter) => {
    cursor.reset();
    setDraft({ ...f });
    setParams({ actorId: f.actorId || undefined, action: f.action || undefined, subjectType: f.subjectType || undefined, subjectId: f.subjectId || undefined });
  };
  const narrow = (k: keyof Filter, v: string) => apply({ ...filter(), [k]: v });

  return (
    <section>
      <h1>
        Audit log{" "}
        <Show when={live.fetching && !live.error}>
          <Badge tone="ok">live</Badge>
        </Show>
      </h1>
      <form
        class="filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft());
        }}
      >
        <PersonPicker
          label="Actor"
          listLabel="Matching actors"
          nameTestId="audit-actor"
          value={draft().actorId}
          name={draft().actorId ? names()[draft().actorId!] : undefined}
          onChange={(p) => (p && remember(p.id, p.name), apply({ ...draft(), actorId: p?.id }))}
        />
        <label>
          Action
          <input name="action" value={draft().action ?? ""} onInput={(e) => setDraft((d) => ({ ...d, action: e.currentTarget.value.trim() }))} />
        </label>
        <label>
          Subject type
          <input
            name="subjectType"
            list="audit-subject-types"
            placeholder="any"
            value={draft().subjectType ?? ""}
            // A new type makes the old subject id meaningless.
            onInput={(e) => setDraft((d) => ({ ...d, subjectType: e.currentTarget.value.trim(), subjectId: undefined }))}
          />
          <datalist id="audit-subject-types">
            <For each={SUBJECT_TYPES}>{(t) => <option value={t} />}</For>
          </datalist>
        </label>
        <Show
          when={isPersonType(draft().subjectType)}
          fallback={
            <label>
              {draft().subjectType} id
              <input name="subjectId" value={draft().subjectId ?? ""} onInput={(e) => setDraft((d) => ({ ...d, subjectId: e.currentTarget.value.trim() }))} />
            </label>
          }
        >
          <PersonPicker
            label="Subject person"
            listLabel="Matching subjects"
            value={draft().subjectId}
            name={draft().subjectId ? names()[draft().subjectId!] : undefined}
            onChange={(p) => (p && remember(p.id, p.name), apply({ ...draft(), subjectType: p ? "User" : draft().subjectType, subjectId: p?.id }))}
          />
        </Show>
        <button class="btn primary" type="submit">
          Filter
        </button>
        <Button onClick={() => apply({})} disabled={!Object.keys(filter()).length}>
          Clear
        </Button>
      </form>
      <ErrorBox error={live.error} />
      <DataTable
        state={connectionState(() => res, () => res.data?.auditLog, rows)}
        cursor={cursor}
        empty="No entries."
        testId="audit-table"
        columns={[
          { header: "When", cell: (e) => fmtDate(e.createdAt) },
          {
            header: "Actor",
            cell: (e) => (
              <Show when={e.actor} fallback={<Badge>system</Badge>}>
                {(a) => (
                  <button type="button" class="link" title="Show only this actor" onClick={() => (remember(a().id, a().displayName), narrow("actorId", a().id))}>
                    {a().displayName}
                  </button>
                )}
              </Show>
            ),
          },
          {
            header: "Action",
            cell: (e) => (
              <button type="button" class="link" title="Show only this action" onClick={() => narrow("action", e.action)} data-testid="audit-action">
                {actionLabel(e.action)}
                <span class="mono muted audit-code">{e.action}</span>
              </button>
            ),
          },
          {
            header: "Subject",
            cell: (e) => (
              <>
                <button type="button" class="link" title="Show only this subject" onClick={() => apply({ ...filter(), subjectType: e.subjectType, subjectId: e.subjectId })}>
                  {e.subjectType}{" "}
                  <Show
                    when={e.subjectLabel ?? (e.subjectType === "User" ? knownName(e.subjectId) : undefined)}
                    fallback={<span class="mono muted">{e.subjectId.slice(0, 12)}</span>}
                  >
                    {(n) => <span data-testid="audit-subject-name">{n()}</span>}
                  </Show>
                </button>
                <Show when={subjectPage(e.subjectType, e.subjectId)}>
                  {(href) => (
                    <>
                      {" "}
                      <A href={href()} class="muted" aria-label={`Open ${e.subjectType} ${e.subjectLabel ?? ""}`.trim()}>
                        open
                      </A>
                    </>
                  )}
                </Show>
              </>
            ),
          },
          { header: "Reason", cell: (e) => e.reason ?? "—" },
          {
            header: "Change",
            cell: (e) => (
              <Show when={e.before != null || e.after != null} fallback="—">
                <details>
                  <summary>details</summary>
                  <KeyValues value={{ before: e.before, after: e.after }} testId="audit-change" />
                </details>
              </Show>
            ),
          },
        ]}
      />
    </section>
  );
};

export default AuditPage;
