// The features a feature-scoped suspension can disable, as CASL (action, subject) pairs. Subjects
// of modules still being built are named as strings: CASL matches names at runtime.
import type { Action, SubjectName } from "../../authz/actions.js";

type Rule = [Action | Action[], SubjectName | string];

export const FEATURES: Record<string, { description: string; rules: Rule[] }> = {
  profile: { description: "editing the public mentor profile", rules: [["update", "MentorProfile"]] },
  reporting: { description: "filing reports (abuse of reporting)", rules: [["create", "Report"]] },
  booking: { description: "booking and taking sessions", rules: [[["book", "join", "create"], "Session"]] },
  chat: { description: "chat messages", rules: [[["create", "update", "publish"], "ChatMessage"]] },
  forum: { description: "forum threads and posts", rules: [[["create", "update", "publish"], "ForumPost"], [["create", "update", "publish"], "ForumThread"]] },
  webinars: { description: "hosting and joining webinars", rules: [[["create", "join"], "Webinar"]] },
  library: { description: "writing library items", rules: [[["create", "update", "publish"], "LibraryItem"]] },
};

export const FEATURE_NAMES = Object.keys(FEATURES);

/** What a program-scoped enforcement disables for the program's mentors and support staff. */
export const PROGRAM_ACTIONS: Action[] = ["join", "book", "publish", "create", "update", "review", "certify", "assign"];
/** Program-bound rows of other modules (sessions, chat, forum) carry `programId`. */
export const PROGRAM_BOUND_SUBJECTS = ["Session", "ChatMessage", "ForumThread", "ForumPost", "Webinar", "Mentorship"];
