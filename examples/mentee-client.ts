// A small mentee app without a UI: log in, find a mentor and a free slot, book it, then follow
// the session over graphql-ws and print every change until it is over. Operations are typed
// from schema.graphql by the project's graphql-codegen (`pnpm codegen` writes examples/gql/).
//
//   API_URL=http://127.0.0.1:4000 EMAIL=mentee@demo.local PASSWORD=demo-password-1 \
//     npx tsx examples/mentee-client.ts
import { pathToFileURL } from "node:url";
import { print } from "graphql";
import { createClient } from "graphql-ws";
import { WebSocket } from "ws";
import type { ResultOf, TypedDocumentNode, VariablesOf } from "@graphql-typed-document-node/core";
import { graphql } from "./gql/index.js";

const LogIn = graphql(`
  mutation ExampleLogIn($input: LogInInput!) {
    logIn(input: $input) { token user { displayName timeZone } }
  }
`);

const FindMentor = graphql(`
  query ExampleFindMentor($search: String) {
    mentors(first: 1, search: $search) {
      edges { node { id displayName mentorProfile { hourlyRateMinor currency } } }
    }
  }
`);

const Slots = graphql(`
  query ExampleSlots($mentorId: ID!, $from: DateTime!, $to: DateTime!, $duration: Int!) {
    availableSlots(mentorId: $mentorId, from: $from, to: $to, durationMinutes: $duration) { startsAt localStart }
  }
`);

const Book = graphql(`
  mutation ExampleBook($input: BookSessionInput!) {
    bookSession(input: $input) { id state startsAt priceMinor currency }
  }
`);

const Follow = graphql(`
  subscription ExampleFollow($id: ID!) {
    sessionUpdated(id: $id) {
      id
      state
      endedBy
      unlapsedMinutes
      presence { party kind at }
    }
  }
`);

export interface MenteeClientOptions {
  /** The API's base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  email: string;
  password: string;
  /** Mentor name or headline to search for (default: the first mentor). */
  mentor?: string;
  /** Search slots from this instant, for `days` days (default: now, 7 days). */
  from?: Date;
  days?: number;
  durationMinutes?: number;
  log?: (line: string) => void;
}

/** Thrown with the API's error code, so a caller can branch on it (see docs/api/errors.md). */
export class ApiError extends Error {
  constructor(readonly code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

async function request<R, V>(url: string, doc: TypedDocumentNode<R, V>, variables: V, token?: string): Promise<R> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(doc), variables }),
  });
  const body = (await res.json()) as { data?: R; errors?: { message: string; extensions?: { code?: string } }[] };
  const err = body.errors?.[0];
  if (err) throw new ApiError(err.extensions?.code ?? "UNKNOWN", err.message);
  return body.data as R;
}

const FINAL = new Set(["ENDED", "NO_SHOW", "CANCELLED"]);

/** Runs the whole flow; resolves with the states seen once the session is over. */
export async function runMenteeClient(o: MenteeClientOptions): Promise<{ sessionId: string; states: string[] }> {
  const log = o.log ?? console.log;
  const duration = o.durationMinutes ?? 60;

  const { logIn } = await request(o.url, LogIn, { input: { email: o.email, password: o.password } });
  const token = logIn.token;
  log(`logged in as ${logIn.user.displayName} (${logIn.user.timeZone})`);

  const { mentors } = await request(o.url, FindMentor, { search: o.mentor ?? null }, token);
  const mentor = mentors.edges[0]?.node;
  if (!mentor) throw new Error(`no mentor matches "${o.mentor}"`);
  log(`mentor: ${mentor.displayName}`);

  const from = o.from ?? new Date();
  const to = new Date(from.getTime() + (o.days ?? 7) * 86_400_000);
  const { availableSlots } = await request(o.url, Slots, { mentorId: mentor.id, from: from.toISOString(), to: to.toISOString(), duration }, token);
  const slot = availableSlots[0];
  if (!slot) throw new Error(`${mentor.displayName} has no free ${duration}-minute slot in that range`);
  log(`first free slot: ${slot.localStart}`);

  const { bookSession: session } = await request(o.url, Book, { input: { mentorId: mentor.id, startsAt: slot.startsAt, durationMinutes: duration } }, token);
  log(`booked session ${session.id}: ${session.state}, ${(session.priceMinor / 100).toFixed(2)} ${session.currency}`);

  const ws = createClient({
    url: o.url.replace(/^http/, "ws") + "/graphql",
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
  });
  const states: string[] = [session.state];
  try {
    log(`following session ${session.id}`);
    const seen = new Set<string>();
    const variables: VariablesOf<typeof Follow> = { id: session.id };
    for await (const result of ws.iterate<ResultOf<typeof Follow>>({ query: print(Follow), variables })) {
      if (result.errors?.length) throw new ApiError(String(result.errors[0].extensions?.code ?? "UNKNOWN"), result.errors[0].message);
      const s = result.data?.sessionUpdated;
      if (!s) continue;
      for (const p of s.presence) {
        const key = `${p.party}/${p.kind}/${p.at}`;
        if (!seen.has(key)) log(`  ${p.at} ${p.party} ${p.kind}`);
        seen.add(key);
      }
      if (s.state !== states[states.length - 1]) {
        states.push(s.state);
        log(`state: ${s.state}${s.endedBy ? ` (ended by ${s.endedBy})` : ""}${s.unlapsedMinutes ? `, ${s.unlapsedMinutes} minutes unlapsed` : ""}`);
      }
      if (FINAL.has(s.state)) break;
    }
  } finally {
    await ws.dispose();
  }
  return { sessionId: session.id, states };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runMenteeClient({
    url: process.env.API_URL ?? "http://127.0.0.1:4000",
    email: process.env.EMAIL ?? "mentee@demo.local",
    password: process.env.PASSWORD ?? "demo-password-1",
    mentor: process.env.MENTOR,
  }).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
