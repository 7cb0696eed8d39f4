// One mentorship: its people and state, the agreement in force with its terms, every agreement
// version with its history, the health signal, and staff ending it early with a reason.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { MentorshipQuery } from "../../gql/graphql";
import { EndMentorshipDocument, MentorshipDocument } from "./mentorships.documents";
import { Badge, Button, Dialog, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { useViewer } from "../../lib/viewer";
import { MENTORSHIP_STATUS, mentorshipTone, pairLabel } from "./labels";
import { AgreementHistory, AgreementStatusBadge, AgreementTerms } from "./agreement-view";

type Mentorship = MentorshipQuery["mentorship"];

const MentorshipPage: Component = () => {
  const params = useParams<{ id: string }>();
  const [res, refetch] = createQuery({ query: MentorshipDocument, variables: () => ({ id: params.id }), requestPolicy: "cache-and-network" });
  return (
    <section>
      <p>
        <A href="/mentorships">← Mentorships</A>
      </p>
      <ErrorBox error={res.error} />
      <Show when={!res.error || res.data} fallback={<Button onClick={() => refetch({ requestPolicy: "network-only" })}>Retry</Button>}>
        <Show when={res.data?.mentorship} fallback={<Loading />}>
          {(m) => <MentorshipView m={m()} />}
        </Show>
      </Show>
    </section>
  );
};

const MentorshipView: Component<{ m: Mentorship }> = (props) => {
  const { can } = useViewer();
  const m = () => props.m;
  const open = () => m().status === "PENDING" || m().status === "ACTIVE";
  const [ending, setEnding] = createSignal(false);
  return (
    <>
      <header class="row">
        <h1>{pairLabel(m())}</h1>
        <Badge tone={mentorshipTone(m().status)}>
          <span data-testid="mentorship-status">{MENTORSHIP_STATUS[m().status]}</span>
        </Badge>
      </header>
      <dl class="facts">
        <dt>Mentor</dt>
        <dd>
          <A href={`/users/${m().mentor.id}`}>{m().mentor.displayName}</A>
        </dd>
        <dt>Mentee</dt>
        <dd>
          <A href={`/users/${m().mentee.id}`}>{m().mentee.displayName}</A>
        </dd>
        <dt>Requested</dt>
        <dd>
          {fmtDate(m().createdAt)} by the {m().startedBy.toLowerCase()}
        </dd>
        <Show when={m().status === "PENDING"}>
          <dt>Lapses</dt>
          <dd>{fmtDate(m().expiresAt)}</dd>
        </Show>
        <dt>Active since</dt>
        <dd>{fmtDate(m().activatedAt)}</dd>
        <Show when={m().endedAt}>
          <dt>Ended</dt>
          <dd data-testid="mentorship-ended">
            {fmtDate(m().endedAt)}
            {m().endReason ? `: ${m().endReason}` : ""}
          </dd>
        </Show>
        <dt>Progress</dt>
        <dd>{m().progressPercent}% of its goals</dd>
        <Show when={m().health}>
          {(h) => (
            <>
              <dt>Check-ins</dt>
              <dd>
                {h().responses} answered, {h().unansweredCheckIns} unanswered; average {h().averageScore?.toFixed(1) ?? "—"}, last {h().lastScore ?? "—"}, {h().lowScores} low
              </dd>
            </>
          )}
        </Show>
      </dl>
      <div class="actions">
        <Show when={can("read", "ChatMessage", true)}>
          <A class="btn plain" href={`/mentorships/${m().id}/chat`}>
            Read the chat
          </A>
        </Show>
        <Show when={can("update", "Mentorship", true)}>
          <Button kind="danger" disabled={!open()} title={open() ? undefined : "Only a requested or active mentorship can be ended"} onClick={() => setEnding(true)}>
            End mentorship…
          </Button>
        </Show>
      </div>
      <h2>Agreement in force</h2>
      <Show when={m().currentAgreement} fallback={<p class="empty">No agreement accepted by both sides yet.</p>}>
        {(a) => (
          <div class="card" data-testid="current-agreement">
            <p class="row">
              <strong>Version {a().version}</strong> <AgreementStatusBadge a={a()} />
            </p>
            <AgreementTerms a={a()} />
          </div>
        )}
      </Show>
      <h2>Agreement history</h2>
      <Show when={m().agreements.length} fallback={<p class="empty">No agreement proposed.</p>}>
        <ul class="cards" data-testid="agreement-history">
          <For each={m().agreements}>
            {(a) => (
              <li class="card" data-testid="agreement-version">
                <p class="row">
                  <strong>Version {a.version}</strong> <AgreementStatusBadge a={a} />
                </p>
                <AgreementHistory a={a} />
                <details>
                  <summary>Terms</summary>
                  <AgreementTerms a={a} />
                </details>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={ending()}>
        <EndDialog m={m()} onClose={() => setEnding(false)} />
      </Show>
    </>
  );
};

const EndDialog: Component<{ m: Mentorship; onClose(): void }> = (props) => {
  const [state, end] = createMutation(EndMentorshipDocument);
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching || !reason().trim()) return;
    const r = await end({ input: { mentorshipId: props.m.id, reason: reason().trim() } });
    setError(r.error);
    if (!r.error) props.onClose();
  };
  return (
    <Dialog title="End mentorship" onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <p>
          End the mentorship of {pairLabel(props.m)} now? A proposed agreement is withdrawn and the chat becomes read-only.
        </p>
        <label>
          Reason (kept with the mentorship and recorded in the audit log)
          <textarea value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="danger" busy={state.fetching} disabled={!reason().trim()} title={!reason().trim() ? "Give a reason first" : undefined}>
            End mentorship
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};

export default MentorshipPage;
