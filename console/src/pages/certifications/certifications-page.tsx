// Certifications: programs and their criteria, certificates (issue with the mentee's progress in
// view, revoke with a reason) and verification of a code.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { createQuery } from "@urql/solid";
import {
  CertificatesDocument,
  CertificationProgramsDocument,
  VerifyCertificateDocument,
} from "./certifications.documents";
import { Badge, Button, Empty, ErrorBox, Loading, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { CreateProgramDialog, IssueDialog, RevokeDialog } from "./certificate-dialogs";

const CERTIFICATE_TYPES = { additionalTypenames: ["Certificate"] };

const CertificationsPage: Component = () => {
  const { can } = useViewer();
  const [programs, refetchPrograms] = createQuery({ query: CertificationProgramsDocument });
  const [creating, setCreating] = createSignal(false);
  const [issuing, setIssuing] = createSignal(false);
  return (
    <section>
      <header class="row">
        <h1>Certifications</h1>
        <Show when={can("create", "CertificationProgram", true)}>
          <Button onClick={() => setCreating(true)}>New program…</Button>
        </Show>
        <Show when={can("certify", "Certificate", true)}>
          <Button kind="primary" onClick={() => setIssuing(true)} disabled={!programs.data?.certificationPrograms.length}>
            Issue certificate…
          </Button>
        </Show>
      </header>
      <Verify />
      <h2>Programs</h2>
      <ErrorBox error={programs.error} />
      <Show when={programs.data} fallback={<Show when={!programs.error}><Loading /></Show>}>
        <Show when={programs.data!.certificationPrograms.length} fallback={<Empty>No certification programs.</Empty>}>
          <ul class="cards">
            <For each={programs.data!.certificationPrograms}>
              {(p) => (
                <li class="card" data-testid="cert-program">
                  <header class="row">
                    <strong>{p.name}</strong>
                    <Badge tone={p.active ? "ok" : "info"}>{p.active ? "active" : "inactive"}</Badge>
                  </header>
                  <Show when={p.description}>
                    <p>{p.description}</p>
                  </Show>
                  <p class="muted">
                    Requires {p.minCompletedSessions} completed session(s), {p.minMilestonesReached} milestone(s)
                    {p.minEvaluationScore != null ? `, an evaluation score of ${p.minEvaluationScore}%` : ""}.
                  </p>
                  <Show when={p.rubric.length}>
                    <p>
                      Rubric: <For each={p.rubric}>{(c, i) => <>{i() ? ", " : ""}{c.label} ({c.maxPoints} pts)</>}</For>
                    </p>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
      <Certificates />
      <Show when={creating()}>
        <CreateProgramDialog onClose={() => setCreating(false)} onDone={() => refetchPrograms({ requestPolicy: "network-only" })} />
      </Show>
      <Show when={issuing() && programs.data}>
        <IssueDialog programs={programs.data!.certificationPrograms} onClose={() => setIssuing(false)} />
      </Show>
    </section>
  );
};

const Verify: Component = () => {
  // A link from the search box carries the code: it is checked at once.
  const [params] = useSearchParams<{ code?: string }>();
  const [draft, setDraft] = createSignal(params.code ?? "");
  const [code, setCode] = createSignal(params.code ?? "");
  const [res, recheck] = createQuery({ query: VerifyCertificateDocument, variables: () => ({ code: code() }), pause: () => !code() });
  return (
    <div class="card">
      <form
        class="row"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          // Asking again about the same code asks the server again (it may have been revoked).
          if (draft().trim() === code()) recheck({ requestPolicy: "network-only" });
          else setCode(draft().trim());
        }}
      >
        <label>
          Verify a certificate code
          <input name="code" value={draft()} onInput={(e) => setDraft(e.currentTarget.value)} />
        </label>
        <Button type="submit" busy={res.fetching} disabled={!draft().trim()}>
          Verify
        </Button>
      </form>
      <ErrorBox error={res.error} />
      <Show when={code() ? res.data?.verifyCertificate : undefined}>
        {(v) => (
          <p data-testid="verify-result" role="status">
            <Badge tone={v().valid ? "ok" : "bad"}>{v().status.toLowerCase()}</Badge>{" "}
            {v().holderName ? `${v().holderName} — ${v().programName}, issued ${fmtDate(v().issuedAt)}` : "No certificate has this code."}
            {v().revokedAt ? ` · revoked ${fmtDate(v().revokedAt)}` : ""}
          </p>
        )}
      </Show>
    </div>
  );
};

const Certificates: Component = () => {
  const { can } = useViewer();
  const [mentee, setMentee] = createSignal("");
  const [filter, setFilter] = createSignal("");
  const cursor = createCursor();
  const [res] = createQuery({
    query: CertificatesDocument,
    variables: () => ({ first: 25, after: cursor.after(), menteeId: filter() || undefined }),
    // An empty list names no Certificate, so tell the cache which writes invalidate it.
    context: CERTIFICATE_TYPES,
  });
  const [revoking, setRevoking] = createSignal<{ id: string; name: string } | null>(null);
  return (
    <>
      <h2>Certificates</h2>
      <form
        class="filters"
        onSubmit={(e) => {
          e.preventDefault();
          cursor.reset();
          setFilter(mentee().trim());
        }}
      >
        <label>
          Mentee id
          <input value={mentee()} onInput={(e) => setMentee(e.currentTarget.value)} />
        </label>
        <button class="btn" type="submit">
          Filter
        </button>
      </form>
      <DataTable
        state={connectionState(() => res, () => res.data?.certificates)}
        cursor={cursor}
        empty="No certificates."
        testId="certificates"
        rowAttrs={() => ({ "data-testid": "certificate" })}
        columns={[
          { header: "Holder", cell: (c) => <A href={`/users/${c.menteeId}`}>{c.holderName}</A> },
          { header: "Program", cell: (c) => c.program.name },
          { header: "Code", cell: (c) => <span class="mono">{c.code}</span> },
          {
            header: "Issued",
            cell: (c) => (
              <>
                {fmtDate(c.issuedAt)} <span class="muted">({c.issuedBy.toLowerCase()})</span>
              </>
            ),
          },
          {
            header: "Status",
            cell: (c) => (
              <Show when={c.revokedAt} fallback={<Badge tone="ok">valid</Badge>}>
                <Badge tone="bad">revoked</Badge> <span class="muted">{c.revokeReason}</span>
              </Show>
            ),
          },
          {
            header: <span class="sr-only">Actions</span>,
            cell: (c) => (
              <Show when={!c.revokedAt && can("revoke", "Certificate", true)}>
                <Button kind="danger" onClick={() => setRevoking({ id: c.id, name: c.holderName })}>
                  Revoke…
                </Button>
              </Show>
            ),
          },
        ]}
      />
      <Show when={revoking()} keyed>
        {(r) => <RevokeDialog {...r} onClose={() => setRevoking(null)} />}
      </Show>
    </>
  );
};

export default CertificationsPage;
