// The mentor applications queue: pending first; deciding needs a reason (sent to the applicant).
import { createSignal, For, Show, type Component } from "solid-js";
import { A } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { ApplicationStatus } from "../../gql/graphql";
import { DecideMentorApplicationDocument, MentorApplicationsDocument } from "./users.documents";
import { Badge, Button, Dialog, ErrorBox, createCursor, fmtDate } from "../../components/ui";
import { CardList, connectionState } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";

const STATUSES: ApplicationStatus[] = ["PENDING", "APPROVED", "REJECTED"];

const ApplicationsPage: Component = () => {
  const { can } = useViewer();
  const [status, setStatus] = createSignal<ApplicationStatus | "">("PENDING");
  const cursor = createCursor();
  const [res] = createQuery({
    query: MentorApplicationsDocument,
    variables: () => ({ first: 25, after: cursor.after(), status: status() || undefined }),
  });
  const [deciding, setDeciding] = createSignal<{ id: string; name: string; approve: boolean } | null>(null);
  const mayDecide = () => can("approve", "MentorApplication", true);

  return (
    <section>
      <h1>Mentor applications</h1>
      <div class="filters">
        <label>
          Status
          <select
            value={status()}
            onChange={(e) => {
              cursor.reset();
              setStatus(e.currentTarget.value as ApplicationStatus | "");
            }}
          >
            <option value="">Any</option>
            <For each={STATUSES}>{(s) => <option value={s}>{s.toLowerCase()}</option>}</For>
          </select>
        </label>
      </div>
      <CardList
        state={connectionState(() => res, () => res.data?.mentorApplications)}
        cursor={cursor}
        empty="No applications here."
        card={(a) => (
          <li class="card" data-testid="application">
            <header class="row">
              <A href={`/users/${a.applicant.id}`}>
                <strong>{a.applicant.displayName}</strong>
              </A>
              <span class="muted">{a.applicant.email}</span>
              <Badge tone={a.status === "APPROVED" ? "ok" : a.status === "REJECTED" ? "bad" : "warn"}>{a.status.toLowerCase()}</Badge>
              <span class="muted">submitted {fmtDate(a.createdAt)}</span>
            </header>
            <dl class="facts">
              <dt>Qualifications</dt>
              <dd>{a.qualifications}</dd>
              <dt>Experience</dt>
              <dd>{a.experience}</dd>
              <dt>Track record</dt>
              <dd>{a.trackRecord}</dd>
              <dt>Motivation</dt>
              <dd>{a.motivation}</dd>
              <Show when={a.decidedAt}>
                <dt>Decision</dt>
                <dd>
                  {fmtDate(a.decidedAt)} by {a.reviewer?.displayName ?? "—"}: {a.decisionReason}
                </dd>
              </Show>
            </dl>
            <Show when={mayDecide() && a.status === "PENDING"}>
              <div class="actions">
                <Button kind="primary" onClick={() => setDeciding({ id: a.id, name: a.applicant.displayName, approve: true })}>
                  Approve…
                </Button>
                <Button kind="danger" onClick={() => setDeciding({ id: a.id, name: a.applicant.displayName, approve: false })}>
                  Reject…
                </Button>
              </div>
            </Show>
          </li>
        )}
      />
      <Show when={deciding()} keyed>{(d) => <DecideDialog {...d} onClose={() => setDeciding(null)} />}</Show>
    </section>
  );
};

const DecideDialog: Component<{ id: string; name: string; approve: boolean; onClose(): void }> = (props) => {
  const [state, run] = createMutation(DecideMentorApplicationDocument);
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching) return;
    const r = await run({ applicationId: props.id, approve: props.approve, reason: reason().trim() });
    setError(r.error);
    if (!r.error) props.onClose();
  };
  return (
    <Dialog title={`${props.approve ? "Approve" : "Reject"} ${props.name}`} onClose={props.onClose}>
      <form onSubmit={submit} class="stack">
        <label>
          Reason (the applicant sees it)
          <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind={props.approve ? "primary" : "danger"} busy={state.fetching} disabled={!reason().trim()}>
            {props.approve ? "Approve" : "Reject"}
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};

export default ApplicationsPage;
