// Sign-in runs on a throwaway client (no token yet); success stores the token and the app
// switches to the signed-in client.
import { createSignal, Show, type Component } from "solid-js";
import type { CombinedError } from "@urql/core";
import { graphql } from "../../gql";
import { notice, signIn } from "../../lib/auth";
import { createConsoleClient } from "../../urql";
import { Button, ErrorBox } from "../../components/ui";

const LogInDocument = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) { token }
  }
`);

export const LoginPage: Component = () => {
  const [email, setEmail] = createSignal("");
  const [password, setPassword] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<CombinedError | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    setBusy(true);
    setError(null);
    const anon = createConsoleClient(null);
    try {
      const res = await anon.client.mutation(LogInDocument, { input: { email: email().trim(), password: password() } }).toPromise();
      if (res.data?.logIn.token) signIn(res.data.logIn.token);
      else setError(res.error ?? null);
    } finally {
      anon.dispose();
      setBusy(false);
    }
  };

  return (
    <main class="login">
      <form class="card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Staff console</h1>
        <Show when={notice()}>
          <p class="notice" role="status">
            {notice()}
          </p>
        </Show>
        <label>
          Email
          <input name="email" type="email" autocomplete="username" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <ErrorBox error={error()} />
        <Button type="submit" kind="primary" busy={busy()}>
          Sign in
        </Button>
      </form>
    </main>
  );
};
