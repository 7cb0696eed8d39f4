// One account: profile, status, standing, sessions, reports, disputes, memberships; admins change
// the role or the status with a reason.
import { createSignal, For, Show, type Component } from "solid-js";
import { A, useParams } from "@solidjs/router";
import { createMutation, createQuery } from "@urql/solid";
import type { CombinedError } from "@urql/core";
import type { Role, SettableAccountStatus } from "../../gql/graphql";
import { SetAccountStatusDocument, SetUserRoleDocument, UserDetailDocument } from "./users.documents";
import { Badge, Button, Dialog, ErrorBox, Loading, fmtDate } from "../../components/ui";
import { useViewer } from "../../lib/viewer";
import { roleLabel, statusTone } from "./labels";
import { PersonActivity } from "./person-activity";

const ROLES: Role[] = ["MENTEE", "MENTOR", "SUPPORT", "ADMIN"];

const UserDetail: Component = () => {
  const params = useParams<{ id: string }>();
  const { can } = useViewer();
  const [res] = createQuery({ query: UserDetailDocument, variables: () => ({ id: params.id }) });
  const [dialog, setDialog] = createSignal<"role" | "status" | null>(null);
  const user = () => res.data?.user;
  // Only shown when the server grants updating any account, not just one's own.
  const mayManage = () => can("update", "User", true);

  return (
    <section>
      <p>
        <A href="/users">← Users</A>
      </p>
      <ErrorBox error={res.error} />
      <Show when={user()} fallback={<Show when={!res.error}><Loading /></Show>}>
        {(u) => (
          <>
            <h1>{u().displayName}</h1>
            <dl class="facts">
              <dt>Email</dt>
              <dd>{u().email ?? "—"}</dd>
              <dt>Role</dt>
              <dd data-testid="user-role">{roleLabel(u().role)}</dd>
              <dt>Status</dt>
              <dd>
                <Badge tone={statusTone(u().status)}>{u().status.toLowerCase()}</Badge>
              </dd>
              <dt>Time zone</dt>
              <dd>{u().timeZone}</dd>
              <dt>Joined</dt>
              <dd>{fmtDate(u().createdAt)}</dd>
            </dl>
            <Show when={mayManage()}>
              <div class="actions">
                <Button onClick={() => setDialog("role")}>Change role…</Button>
                <Button onClick={() => setDialog("status")}>Change status…</Button>
              </div>
            </Show>
            <Show when={u().mentorProfile}>
              {(m) => (
                <>
                  <h2>Mentor profile</h2>
                  <dl class="facts">
                    <dt>Approved</dt>
                    <dd>{m().approved ? `yes, ${fmtDate(m().approvedAt)}` : "no"}</dd>
                    <dt>Headline</dt>
                    <dd>{m().headline || "—"}</dd>
                    <dt>Expertise</dt>
                    <dd>{m().expertise.join(", ") || "—"}</dd>
                    <dt>Rate</dt>
                    <dd>
                      {(m().hourlyRateMinor / 100).toFixed(2)} {m().currency} / hour
                    </dd>
                  </dl>
                  <Show when={m().bio}>
                    <p class="prose">{m().bio}</p>
                  </Show>
                  <Show when={can("read", "FeeMultiplierChange", true)}>
                    <p>
                      <A href={`/users/${u().id}/fees`}>Lateness and fee history of {u().displayName}</A>
                    </p>
                  </Show>
                </>
              )}
            </Show>
            <Show when={can("read", "Mentorship", true)}>
              <p>
                <A href={`/mentorships?user=${u().id}&name=${encodeURIComponent(u().displayName)}`}>Mentorships of {u().displayName}</A>
              </p>
            </Show>
            <PersonActivity userId={u().id} />
            <h2>Programs</h2>
            <Show when={u().programMemberships.length} fallback={<p class="empty">Not in any program.</p>}>
              <ul>
                <For each={u().programMemberships}>
                  {(pm) => (
                    <li>
                      {pm.program.name} ({pm.role.toLowerCase()}, since {fmtDate(pm.addedAt)})
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <Show when={dialog() === "role"}>
              <RoleDialog userId={u().id} current={u().role} onClose={() => setDialog(null)} />
            </Show>
            <Show when={dialog() === "status"}>
              <StatusDialog userId={u().id} onClose={() => setDialog(null)} />
            </Show>
          </>
        )}
      </Show>
    </section>
  );
};

const RoleDialog: Component<{ userId: string; current: Role; onClose(): void }> = (props) => {
  const [state, run] = createMutation(SetUserRoleDocument);
  const [role, setRole] = createSignal<Role>(props.current);
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching) return;
    const r = await run({ userId: props.userId, role: role(), reason: reason().trim() });
    setError(r.error);
    if (!r.error) props.onClose();
  };
  return (
    <Dialog title="Change role" onClose={props.onClose}>
      <form onSubmit={submit} class="stack">
        <label>
          New role
          <select value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={ROLES}>{(r) => <option value={r}>{roleLabel(r)}</option>}</For>
          </select>
        </label>
        <label>
          Reason (recorded in the audit log)
          <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="primary" busy={state.fetching} disabled={role() === props.current || !reason().trim()}>
            Change role
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};

const StatusDialog: Component<{ userId: string; onClose(): void }> = (props) => {
  const [state, run] = createMutation(SetAccountStatusDocument);
  const [status, setStatus] = createSignal<SettableAccountStatus>("DEACTIVATED");
  const [reason, setReason] = createSignal("");
  const [error, setError] = createSignal<CombinedError | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (state.fetching) return;
    const r = await run({ userId: props.userId, status: status(), reason: reason().trim() });
    setError(r.error);
    if (!r.error) props.onClose();
  };
  return (
    <Dialog title="Change account status" onClose={props.onClose}>
      <form onSubmit={submit} class="stack">
        <label>
          Status
          <select value={status()} onChange={(e) => setStatus(e.currentTarget.value as SettableAccountStatus)}>
            <option value="ACTIVE">Active</option>
            <option value="DEACTIVATED">Deactivated</option>
          </select>
        </label>
        <label>
          Reason (recorded in the audit log)
          <textarea required value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error()} />
        <div class="actions">
          <Button type="submit" kind="primary" busy={state.fetching} disabled={!reason().trim()}>
            Save status
          </Button>
          <Button onClick={props.onClose}>Cancel</Button>
        </div>
      </form>
    </Dialog>
  );
};

export default UserDetail;
