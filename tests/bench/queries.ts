// GraphQL documents measured by the benchmark. BOARD_QUERY is the console's LiveBoard
// (console/src/pages/sessions/sessions.documents.ts) plus each session's presence events; the
// field order matches the hand-written SQL in tests/bench/server.ts so the JSON is identical.
export const BOARD_QUERY = `query LiveBoard($first: Int!, $filter: SessionFilter!) {
  sessions(first: $first, filter: $filter) {
    edges { node {
      id state topic startsAt endsAt durationMinutes liveAt endedAt endedBy endReason
      mentorJoinedAt menteeJoinedAt mentorLateMinutes mentorNoShow menteeNoShow cancelledAt
      mentor { id displayName }
      mentee { id displayName }
      presence { id party kind source at }
    } }
  }
}`;

export const USER_QUERY = `query User($id: ID!) { user(id: $id) { id displayName role status timeZone createdAt } }`;

export const SUBSCRIPTION_QUERY = `subscription SessionUpdated($id: ID!) { sessionUpdated(id: $id) { id topic state } }`;

export const BOOK_MUTATION = `mutation Book($i: BookSessionInput!) { bookSession(input: $i) { id startsAt state } }`;
export const WEEKLY_MUTATION = `mutation Weekly($i: SetWeeklyAvailabilityInput!) { setWeeklyAvailability(input: $i) { id } }`;
export const SLOTS_QUERY = `query Slots($m: ID!, $from: DateTime!, $to: DateTime!, $d: Int!) {
  availableSlots(mentorId: $m, from: $from, to: $to, durationMinutes: $d) { startsAt endsAt } }`;
