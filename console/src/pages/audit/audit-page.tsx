// Audit log, newest first: filter by actor, action and subject; new entries stream in over the
// subscription and are merged in time order while the first page is shown. Actions read as words
// (the code stays visible beneath); before/after read as key/value lists.
import { createMemo, createSignal, For, Show, type Component } from "solid-js";
import { useSearchParams } from "@solidjs/router";
import { createQuery, createSubscription } from "@urql/solid";
import type { AuditEntryFieldsFragment } from "../../gql/graphql";
import { AuditEntryAddedDocument, AuditLogDocument } from "./audit.documents";
import { Badge, Button, ErrorBox, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState } from "../../components/paged-list";
import { KeyValues } from "../../components/key-values";
import { actionLabel } from "../../lib/audit-labels";

/** Newest first; ties (one transaction) by id, also newest first. */
const newestFirst = (a: AuditEntryFieldsFragment, b: AuditEntryFieldsFragment) =>
  b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

type Filter = { actorId?: string; action?: string; subjectType?: string; subjectId?: string };
const KEYS = ["actorId", "action", "subjectType", "subjectId"] as const;
const LABELS: Record<(typeof KEYS)[number], string> = { actorId: "Actor id", action: "Action", subjectType: "Subject type", subjectId: "Subject id" };

const AuditPage: Component = () => {
  const [params, setParams] = useSearchParams<Filter>();
  const filter = createMemo<Filter>(() => Object.fromEntries(KEYS.filter((k) => params[k]).map((k) => [k, params[k]])));
  const [draft, setDraft] = createSignal<Filter>({ ...filter() });
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
        <For each={KEYS}>
          {(k) => (
            <label>
              {LABELS[k]}
              <input name={k} value={draft()[k] ?? ""} onInput={(e) => setDraft((d) => ({ ...d, [k]: e.currentTarget.value.trim() }))} />
            </label>
          )}
        </For>
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
                  <button type="button" class="link" title="Show only this actor" onClick={() => narrow("actorId", a().id)}>
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
              <button type="button" class="link" title="Show only this subject" onClick={() => apply({ ...filter(), subjectType: e.subjectType, subjectId: e.subjectId })}>
                {e.subjectType} <span class="mono muted">{e.subjectId.slice(0, 12)}</span>
              </button>
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
