// Certifications: programs and their criteria, certificates (issue with the mentee's progress in
// view, revoke with a reason) and verification of a code.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useSearchParams } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { CertificationProgramsQuery } from "../../gql/graphql";
import {
  CertificatesDocument,
  CertificationProgramsDocument,
  CertificationProgressDocument,
  CreateCertificationProgramDocument,
  IssueCertificateDocument,
  RevokeCertificateDocument,
  VerifyCertificateDocument,
} from "./certifications.documents";
import { Badge, Button, Dialog, Empty, ErrorBox, Loading, createCursor, fmtDate } from "../../components/ui";
import { DataTable, connectionState } from "../../components/paged-list";
import { useViewer } from "../../lib/viewer";
import { PersonPicker, type Person } from "../../components/person-picker";

const CERTIFICATE_TYPES = { additionalTypenames: ["Certificate"] };

type Program = CertificationProgramsQuery["certificationPrograms"][number];

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

const RevokeDialog: Component<{ id: string; name: string; onClose(): void }> = (props) => {
  const [state, run] = createMutation(RevokeCertificateDocument);
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching) return;
    const r = await run({ input: { certificateId: props.id, reason: reason().trim() } });
    setError(r.error);
    if (!r.error) props.onClose();
  };
  return (
    <Dialog title={`Revoke the certificate of ${props.name}`} onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <label>
          Reason (shown when the code is verified)
          <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="danger" busy={state.fetching} disabled={!reason().trim()}>
            Revoke
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};

const IssueDialog: Component<{ programs: Program[]; onClose(): void }> = (props) => {
  const [state, run] = createMutation(IssueCertificateDocument);
  const [programId, setProgramId] = createSignal(props.programs[0]?.id ?? "");
  // Staff find the mentee by name or e-mail; the id is never typed.
  const [mentee, setMentee] = createSignal<Person | null>(null);
  const [override, setOverride] = createSignal(false);
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const [progress] = createQuery({
    query: CertificationProgressDocument,
    variables: () => ({ menteeId: mentee()?.id ?? "", programId: programId() }),
    pause: () => !mentee() || !programId(),
  });
  const unmet = () => progress.data?.certificationProgress.met === false;
  const why = () =>
    !mentee() ? "Choose the mentee first" : !reason().trim() ? "Say why (recorded)" : unmet() && !override() ? "The criteria are not met: confirm the override" : undefined;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching || why()) return;
    const r = await run({ input: { menteeId: mentee()!.id, programId: programId(), reason: reason().trim(), ...(unmet() ? { overrideUnmetCriteria: true } : {}) } });
    setError(r.error);
    if (!r.error) props.onClose();
  };
  return (
    <Dialog title="Issue a certificate" onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <label>
          Program
          <select value={programId()} onChange={(e) => setProgramId(e.currentTarget.value)}>
            <For each={props.programs}>{(p) => <option value={p.id}>{p.name}</option>}</For>
          </select>
        </label>
        <PersonPicker
          label="Mentee"
          role="MENTEE"
          value={mentee()?.id}
          name={mentee()?.name}
          onChange={(p) => (setMentee(p), setOverride(false))}
          none="No mentee matches."
          listLabel="Matching mentees"
          nameTestId="cert-mentee"
        />
        <ErrorBox error={progress.error} />
        <Show when={progress.data}>
          {(d) => (
            <p data-testid="cert-progress">
              <Badge tone={d().certificationProgress.met ? "ok" : "warn"}>{d().certificationProgress.met ? "criteria met" : "criteria not met"}</Badge>{" "}
              {d().certificationProgress.completedSessions}/{d().certificationProgress.requiredSessions} sessions ·{" "}
              {d().certificationProgress.milestonesReached}/{d().certificationProgress.requiredMilestones} milestones
              {d().certificationProgress.requiredScore != null ? ` · score ${d().certificationProgress.evaluationScore ?? "—"}/${d().certificationProgress.requiredScore}%` : ""}
            </p>
          )}
        </Show>
        <Show when={unmet()}>
          <label class="radio">
            <input type="checkbox" checked={override()} onChange={(e) => setOverride(e.currentTarget.checked)} />
            Issue despite the unmet criteria (an override, recorded in the audit log with the reason)
          </label>
        </Show>
        <label>
          Reason (recorded)
          <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="primary" busy={state.fetching} disabled={!!why()} title={why()}>
            Issue certificate
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};

const CreateProgramDialog: Component<{ onClose(): void; onDone(): void }> = (props) => {
  const [state, run] = createMutation(CreateCertificationProgramDocument);
  const [name, setName] = createSignal("");
  const [description, setDescription] = createSignal("");
  const [sessions, setSessions] = createSignal("4");
  const [milestones, setMilestones] = createSignal("1");
  const [score, setScore] = createSignal("");
  const [rubric, setRubric] = createSignal("Communication:10, Goal progress:10");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const criteria = () =>
    rubric()
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [label, pts] = s.split(":").map((x) => x.trim());
        return { key: label.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, ""), label, maxPoints: Number(pts || 10) };
      });
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching) return;
    const r = await run({
      input: {
        name: name().trim(),
        description: description().trim() || undefined,
        minCompletedSessions: Number(sessions()) || 0,
        minMilestonesReached: Number(milestones()) || 0,
        minEvaluationScore: score().trim() ? Number(score()) : undefined,
        rubric: criteria(),
      },
    });
    setError(r.error);
    if (!r.error) {
      props.onDone();
      props.onClose();
    }
  };
  return (
    <Dialog title="New certification program" onClose={props.onClose}>
      <form class="stack" onSubmit={submit}>
        <label>
          Name
          <input required value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Description
          <textarea value={description()} onInput={(e) => setDescription(e.currentTarget.value)} />
        </label>
        <div class="row">
          <label>
            Completed sessions
            <input inputmode="numeric" value={sessions()} onInput={(e) => setSessions(e.currentTarget.value)} />
          </label>
          <label>
            Milestones reached
            <input inputmode="numeric" value={milestones()} onInput={(e) => setMilestones(e.currentTarget.value)} />
          </label>
          <label>
            Evaluation score % (optional)
            <input inputmode="numeric" value={score()} onInput={(e) => setScore(e.currentTarget.value)} />
          </label>
        </div>
        <label>
          Rubric (label:points, comma separated)
          <input value={rubric()} onInput={(e) => setRubric(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="primary" busy={state.fetching} disabled={!name().trim()}>
            Create
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};

export default CertificationsPage;
