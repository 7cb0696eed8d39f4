// The reports queue (oldest first) by status, category and source; reviewers uphold or dismiss.
// The staff feed (safetyFeed) re-reads the queue when anything changes.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { createQuery, createSubscription } from "@urql/solid";
import type { ReportCategory, ReportFieldsFragment, ReportSource, ReportStatus } from "../../gql/graphql";
import { ReportsQueueDocument, SafetyFeedDocument } from "./safety.documents";
import { Badge, Button, ErrorBox, createCursor, fmtDate } from "../../components/ui";
import { CardList, connectionState } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { CATEGORIES, SafetyTabs, words } from "./labels";
import { ReviewDialog } from "./review-dialog";
import { KeyValues } from "../../components/key-values";

const STATUSES: ReportStatus[] = ["OPEN", "UPHELD", "DISMISSED"];

const ReportsPage: Component = () => {
  const { can } = useViewer();
  const [params, setParams] = useSearchParams<{ status?: string; category?: string; source?: string }>();
  const cursor = createCursor();
  const status = () => (params.status === "ANY" ? undefined : ((params.status as ReportStatus) ?? "OPEN"));
  const [res, refetch] = createQuery({
    query: ReportsQueueDocument,
    variables: () => ({
      first: 25,
      after: cursor.after(),
      filter: { status: status(), category: (params.category as ReportCategory) || undefined, source: (params.source as ReportSource) || undefined },
    }),
  });
  const [feed] = createSubscription({ query: SafetyFeedDocument }, (n: number = 0) => {
    refetch({ requestPolicy: "network-only" });
    return n + 1;
  });
  const [reviewing, setReviewing] = createSignal<{ report: ReportFieldsFragment; uphold: boolean } | null>(null);
  // What the last decision did: the decided card leaves the open queue, so the page says so.
  const [decided, setDecided] = createSignal<string | null>(null);
  const mayReview = () => can("review", "Report", true);
  const set = (p: Record<string, string | undefined>) => {
    cursor.reset();
    setParams(p);
  };

  return (
    <section>
      <header class="row">
        <h1>Trust &amp; safety</h1>
        <Show when={feed.fetching && !feed.error}>
          <Badge tone="ok">live</Badge>
        </Show>
      </header>
      <SafetyTabs />
      <div class="filters">
        <label>
          Status
          <select value={params.status ?? "OPEN"} onChange={(e) => set({ status: e.currentTarget.value })}>
            <For each={STATUSES}>{(s) => <option value={s}>{words(s)}</option>}</For>
            <option value="ANY">any</option>
          </select>
        </label>
        <label>
          Category
          <select value={params.category ?? ""} onChange={(e) => set({ category: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            <For each={CATEGORIES}>{(c) => <option value={c}>{words(c)}</option>}</For>
          </select>
        </label>
        <label>
          Source
          <select value={params.source ?? ""} onChange={(e) => set({ source: e.currentTarget.value || undefined })}>
            <option value="">any</option>
            <option value="USER">users</option>
            <option value="DETECTOR">detectors</option>
          </select>
        </label>
      </div>
      <ErrorBox error={feed.error} />
      <Show when={decided()}>
        <p class="success" role="status" data-testid="review-done">
          {decided()}
        </p>
      </Show>
      <CardList
        state={connectionState(() => res, () => res.data?.reports)}
        cursor={cursor}
        empty="No reports here."
        card={(r) => (
          <li class="card" data-testid="report" data-report-id={r.id}>
            <header class="row">
              <Badge tone="warn">{words(r.category)}</Badge>
              <strong>
                <A href={`/safety/users/${r.subject.id}`} title="Standing and history">
                  {r.subject.displayName}
                </A>
              </strong>
              <span class="muted">{words(r.subject.role)}</span>
              <Badge tone={r.status === "OPEN" ? "info" : r.status === "UPHELD" ? "bad" : "ok"}>{words(r.status)}</Badge>
              <span class="muted">
                {r.source === "DETECTOR" ? `detector ${r.detectorRule ?? ""}` : `by ${r.reporter?.displayName ?? "a user"}`} · {fmtDate(r.createdAt)}
              </span>
              <A href={`/safety/reports/${r.id}`}>Open report</A>
              <Show when={r.source === "USER"}>
                {/* Unverified complaints count toward a threshold only once upheld. */}
                <span data-testid="report-verification" title={r.verifiedBy ? "Counts toward automatic thresholds" : "Counts toward a threshold only if upheld"}>
                  <Badge tone={r.verifiedBy ? "ok" : "warn"}>{r.verification}</Badge>
                </span>
              </Show>
            </header>
            <p class="prose">{r.description || <span class="muted">No description.</span>}</p>
            <Show when={r.evidence != null}>
              <details>
                <summary>Evidence</summary>
                <KeyValues value={r.evidence} testId="report-evidence" />
              </details>
            </Show>
            <Show when={r.decidedAt}>
              <p class="muted">
                Decided {fmtDate(r.decidedAt)} by {r.reviewer?.displayName ?? "—"}: {r.decisionReason}
                {r.enforcement ? ` → ${words(r.enforcement.kind)}` : ""}
              </p>
            </Show>
            <Show when={mayReview() && r.status === "OPEN"}>
              <div class="actions">
                <Button kind="danger" onClick={() => setReviewing({ report: r, uphold: true })}>
                  Uphold…
                </Button>
                <Button onClick={() => setReviewing({ report: r, uphold: false })}>Dismiss…</Button>
              </div>
            </Show>
          </li>
        )}
      />
      <Show when={reviewing()} keyed>
        {(x) => (
          <ReviewDialog
            report={x.report}
            uphold={x.uphold}
            onClose={() => setReviewing(null)}
            onDone={(message) => {
              setDecided(message);
              refetch({ requestPolicy: "network-only" });
            }}
          />
        )}
      </Show>
    </section>
  );
};

export default ReportsPage;
