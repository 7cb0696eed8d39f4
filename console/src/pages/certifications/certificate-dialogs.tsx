// The certification page's dialogs: issue a certificate (the mentee found by name, criteria in
// view, the override with a reason when they are unmet), revoke one, create a program.
import { createSignal, For, Show, type Component } from "solid-js";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import {
  CertificationProgressDocument,
  CreateCertificationProgramDocument,
  IssueCertificateDocument,
  RevokeCertificateDocument,
  type Program,
} from "./certifications.documents";
import { Badge, Button, Dialog, ErrorBox } from "../../components/ui";
import { PersonPicker, type Person } from "../../components/person-picker";

export const RevokeDialog: Component<{ id: string; name: string; onClose(): void }> = (props) => {
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

export const IssueDialog: Component<{ programs: Program[]; onClose(): void }> = (props) => {
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

export const CreateProgramDialog: Component<{ onClose(): void; onDone(): void }> = (props) => {
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
