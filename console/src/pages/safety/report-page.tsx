// One report on its own page (linked from the queue), with who else on the staff has it open
// right now, so two reviewers do not decide the same report at once.
import { createSignal, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import { ReportDocument } from "./report.documents";
import { Badge, Button, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { KeyValues } from "../../components/key-values";
import { AlsoViewing } from "../../components/also-viewing";
import { useViewer } from "../../lib/viewer";
import { words } from "./labels";
import { ReviewDialog } from "./review-dialog";

const ReportPage: Component = () => {
  const params = useParams<{ id: string }>();
  const { can } = useViewer();
  const [res, refetch] = createQuery({ query: ReportDocument, variables: () => ({ id: params.id }) });
  const [reviewing, setReviewing] = createSignal<boolean | null>(null);
  return (
    <section>
      <p>
        <A href="/safety">← Trust &amp; safety</A>
      </p>
      <ErrorBox error={res.error} />
      <Show when={res.data?.report} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(r) => (
          <>
            <header class="row">
              <h1>
                {words(r().category)} report about {r().subject.displayName}
              </h1>
              <Badge tone={r().status === "OPEN" ? "info" : r().status === "UPHELD" ? "bad" : "ok"}>{words(r().status)}</Badge>
            </header>
            <AlsoViewing subject="REPORT" id={r().id} />
            <dl class="facts">
              <dt>About</dt>
              <dd>
                <A href={`/users/${r().subject.id}`}>{r().subject.displayName}</A> ({words(r().subject.role)}) ·{" "}
                <A href={`/safety/users/${r().subject.id}`}>standing</A>
              </dd>
              <dt>Filed</dt>
              <dd>
                {fmtDate(r().createdAt)}{" "}
                {r().source === "DETECTOR" ? `by detector ${r().detectorRule ?? ""}` : `by ${r().reporter?.displayName ?? "a user"}`}
              </dd>
              <dt>Verification</dt>
              <dd>{r().verification}</dd>
            </dl>
            <p class="prose">{r().description || <span class="muted">No description.</span>}</p>
            <Show when={r().evidence != null}>
              <h2>Evidence</h2>
              <KeyValues value={r().evidence} testId="report-evidence" />
            </Show>
            <Show when={r().decidedAt}>
              <p class="muted">
                Decided {fmtDate(r().decidedAt)} by {r().reviewer?.displayName ?? "—"}: {r().decisionReason}
                {r().enforcement ? ` → ${words(r().enforcement!.kind)}` : ""}
              </p>
            </Show>
            <Show when={can("review", "Report", true) && r().status === "OPEN"}>
              <div class="actions">
                <Button kind="danger" onClick={() => setReviewing(true)}>
                  Uphold…
                </Button>
                <Button onClick={() => setReviewing(false)}>Dismiss…</Button>
              </div>
            </Show>
            <Show when={reviewing() !== null}>
              <ReviewDialog report={r()} uphold={reviewing()!} onClose={() => setReviewing(null)} onDone={() => refetch({ requestPolicy: "network-only" })} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
};

export default ReportPage;
