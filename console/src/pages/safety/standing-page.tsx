// A user's standing (status, next ladder step, warnings, strikes, suspensions, ban) and history
// (enforcements including overturned ones, reports about them); staff issue enforcements here.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import type { EnforcementFieldsFragment } from "../../gql/graphql";
import { UserStandingDocument } from "./safety.documents";
import { Badge, Button, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { useViewer } from "../../lib/viewer";
import { KindBadge, SafetyTabs, words } from "./labels";
import { EnforceDialog } from "./enforce-dialog";

const StandingPage: Component = () => {
  const params = useParams<{ id: string }>();
  const { can } = useViewer();
  const [res, refetch] = createQuery({ query: UserStandingDocument, variables: () => ({ userId: params.id, first: 50 }) });
  const [issuing, setIssuing] = createSignal(false);
  const mayIssue = () => can("create", "Enforcement", true);

  return (
    <section>
      <h1>Trust &amp; safety</h1>
      <SafetyTabs />
      <ErrorBox error={res.error} />
      <Show when={res.data} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(d) => (
          <>
            <header class="row">
              <h2>
                <A href={`/users/${d().user.id}`}>{d().user.displayName}</A>
              </h2>
              <span class="muted">
                {words(d().user.role)} · {d().user.email}
              </span>
              <Show when={mayIssue()}>
                <Button kind="danger" onClick={() => setIssuing(true)}>
                  Issue enforcement…
                </Button>
              </Show>
            </header>
            <dl class="facts" data-testid="standing">
              <dt>Standing</dt>
              <dd data-testid="standing-status">
                <Badge tone={d().userStanding.status === "ACTIVE" ? "ok" : "bad"}>{words(d().userStanding.status)}</Badge>
              </dd>
              <dt>Next upheld violation brings</dt>
              <dd data-testid="standing-next">{words(d().userStanding.nextStep)}</dd>
              <dt>Warnings</dt>
              <dd data-testid="standing-warnings">{d().userStanding.warnings.length}</dd>
              <dt>Active strikes</dt>
              <dd data-testid="standing-strikes">{d().userStanding.activeStrikes.length}</dd>
              <dt>Suspensions</dt>
              <dd>
                <Show when={d().userStanding.suspensions.length} fallback="none">
                  <For each={d().userStanding.suspensions}>
                    {(s) => (
                      <div>
                        {words(s.scope)}
                        {s.feature ? ` (${s.feature})` : ""}
                        {s.program ? ` (${s.program.name})` : ""} until {fmtDate(s.endsAt)}
                      </div>
                    )}
                  </For>
                </Show>
              </dd>
              <dt>Ban</dt>
              <dd>{d().userStanding.ban ? `since ${fmtDate(d().userStanding.ban!.startsAt)}: ${d().userStanding.ban!.reason}` : "none"}</dd>
            </dl>
            <h2>Complaint thresholds</h2>
            <p class="muted">
              Distinct complainants not yet acted on, inside the {d().userStanding.complaints?.[0]?.windowDays ?? "—"}-day window. Verified complainants (a session or
              mentorship with this user) and upheld complaints count; unverified ones wait for review.
            </p>
            <table class="table compact" data-testid="complaint-thresholds">
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col">Counted / threshold</th>
                  <th scope="col">Verified</th>
                  <th scope="col">Upheld, unverified</th>
                  <th scope="col">Unverified, waiting for review</th>
                </tr>
              </thead>
              <tbody>
                <For each={d().userStanding.complaints ?? []}>
                  {(c) => (
                    <tr data-category={c.category}>
                      <td>{words(c.category)}</td>
                      <td>
                        {c.counted} / {c.threshold}
                      </td>
                      <td>{c.verified}</td>
                      <td>{c.upheldUnverified}</td>
                      <td>{c.unverifiedPending}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <h2>Enforcements</h2>
            <EnforcementTable rows={d().enforcements.edges.map((e) => e.node)} />
            <h2>Reports about this user</h2>
            <Show when={d().reports.edges.length} fallback={<p class="muted">None.</p>}>
              <table class="table compact">
                <thead>
                  <tr>
                    <th scope="col">Filed</th>
                    <th scope="col">Category</th>
                    <th scope="col">By</th>
                    <th scope="col">Verification</th>
                    <th scope="col">Status</th>
                    <th scope="col">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={d().reports.edges}>
                    {({ node: r }) => (
                      <tr>
                        <td>{fmtDate(r.createdAt)}</td>
                        <td>{words(r.category)}</td>
                        <td>{r.source === "DETECTOR" ? "detector" : (r.reporter?.displayName ?? "—")}</td>
                        <td>{r.verification}</td>
                        <td>{words(r.status)}</td>
                        <td>{r.decisionReason ?? "—"}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <Show when={issuing()}>
              <EnforceDialog
                userId={d().user.id}
                name={d().user.displayName}
                onClose={() => setIssuing(false)}
                onDone={() => refetch({ requestPolicy: "network-only" })}
              />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
};

const EnforcementTable = (props: { rows: EnforcementFieldsFragment[] }) => (
  <Show when={props.rows.length} fallback={<p class="muted">None.</p>}>
    <table class="table compact" data-testid="enforcements">
      <thead>
        <tr>
          <th scope="col">Issued</th>
          <th scope="col">Kind</th>
          <th scope="col">Scope</th>
          <th scope="col">Origin</th>
          <th scope="col">Reason</th>
          <th scope="col">Counts until</th>
          <th scope="col">Appeal by</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.rows}>
          {(e) => (
            <tr classList={{ overturned: Boolean(e.overturnedAt) }}>
              <td>
                {fmtDate(e.startsAt)}
                <div class="muted">{e.issuedBy?.displayName ?? "system"}</div>
              </td>
              <td>
                <KindBadge kind={e.kind} />
                <Show when={e.overturnedAt}>
                  {" "}
                  <Badge tone="ok">overturned</Badge>
                </Show>
              </td>
              <td>
                {words(e.scope)}
                {e.feature ? ` · ${e.feature}` : ""}
                {e.endsAt ? ` · until ${fmtDate(e.endsAt)}` : ""}
              </td>
              <td>{words(e.origin)}</td>
              <td>
                {e.reason}
                <Show when={e.overturnReason}>
                  <div class="muted">Overturned: {e.overturnReason}</div>
                </Show>
              </td>
              <td>{fmtDate(e.dropsOutAt)}</td>
              <td>{fmtDate(e.appealDeadline)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  </Show>
);

export default StandingPage;
