// One webinar: when, host, seats, who registered, and staff cancelling it with a reason (the
// API notifies everyone registered).
import { createSignal, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { WebinarQuery } from "../../gql/graphql";
import { CancelWebinarDocument, WebinarDocument } from "./webinars.documents";
import { Badge, Button, Dialog, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { Table } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { WEBINAR_STATUS, seatsText, webinarTone } from "./labels";

type Webinar = WebinarQuery["webinar"];

const WebinarPage: Component = () => {
  const params = useParams<{ id: string }>();
  const [res, refetch] = createQuery({ query: WebinarDocument, variables: () => ({ id: params.id }), requestPolicy: "cache-and-network" });
  return (
    <section>
      <p>
        <A href="/webinars">← Webinars</A>
      </p>
      <ErrorBox error={res.error} />
      <Show when={!res.error || res.data} fallback={<Button onClick={() => refetch({ requestPolicy: "network-only" })}>Retry</Button>}>
        <Show when={res.data?.webinar} fallback={<Loading />}>
          {(w) => <WebinarView w={w()} />}
        </Show>
      </Show>
    </section>
  );
};

const WebinarView: Component<{ w: Webinar }> = (props) => {
  const { can } = useViewer();
  const w = () => props.w;
  const [cancelling, setCancelling] = createSignal(false);
  // Whether it is over is the server's call (its clock); it answers with the reason.
  const why = () => (w().status === "CANCELLED" ? "This webinar is already cancelled" : undefined);
  return (
    <>
      <header class="row">
        <h1>{w().title}</h1>
        <Badge tone={webinarTone(w().status)}>
          <span data-testid="webinar-status">{WEBINAR_STATUS[w().status]}</span>
        </Badge>
      </header>
      <dl class="facts">
        <dt>Host</dt>
        <dd>
          <A href={`/users/${w().hostId}`}>{w().hostName}</A>
        </dd>
        <dt>Starts</dt>
        <dd>{fmtDate(w().startsAt)}</dd>
        <dt>Ends</dt>
        <dd>{fmtDate(w().endsAt)}</dd>
        <dt>Registered</dt>
        <dd>{seatsText(w())}</dd>
        <Show when={w().cancelReason}>
          <dt>Cancelled because</dt>
          <dd data-testid="webinar-cancel-reason">{w().cancelReason}</dd>
        </Show>
      </dl>
      <Show when={w().description}>
        <p class="prose">{w().description}</p>
      </Show>
      <Show when={can("cancel", "Webinar", true)}>
        <div class="actions">
          <Button kind="danger" disabled={Boolean(why())} title={why()} onClick={() => setCancelling(true)}>
            Cancel webinar…
          </Button>
        </div>
      </Show>
      <h2>Registrations</h2>
      <Show when={w().registrations.length} fallback={<p class="empty">Nobody registered yet.</p>}>
        <Table
          testId="registrations"
          rows={w().registrations}
          columns={[
            { header: "Person", cell: (r) => <A href={`/users/${r.userId}`}>{r.userName}</A> },
            { header: "Registered", cell: (r) => fmtDate(r.createdAt) },
          ]}
        />
      </Show>
      <Show when={cancelling()}>
        <CancelDialog w={w()} onClose={() => setCancelling(false)} />
      </Show>
    </>
  );
};

const CancelDialog: Component<{ w: Webinar; onClose(): void }> = (props) => {
  const [state, cancel] = createMutation(CancelWebinarDocument);
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching || !reason().trim()) return;
    const r = await cancel({ input: { webinarId: props.w.id, reason: reason().trim() } });
    setError(r.error);
    if (!r.error) props.onClose();
  };
  return (
    <Dialog title="Cancel webinar" onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <p>
          Cancel “{props.w.title}” on {fmtDate(props.w.startsAt)}? {props.w.registeredCount} registered {props.w.registeredCount === 1 ? "person is" : "people are"} notified with your reason.
        </p>
        <label>
          Reason (sent to those registered and recorded)
          <textarea value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="danger" busy={state.fetching} disabled={!reason().trim()} title={!reason().trim() ? "Give a reason first" : undefined}>
            Cancel webinar
          </Button>
          <Button onClick={props.onClose}>Keep it</Button>
        </div>
      </form>
    </Dialog>
  );
};

export default WebinarPage;
