import type { ModuleRules } from "../../authz/ability.js";

// Communication: forums, webinars and chat per mentorship.
export const communityRules: ModuleRules = (viewer, { can }) => {
  if (!viewer) return;
  const staff = viewer.role === "SUPPORT" || viewer.role === "ADMIN";

  // Forums: everyone reads what moderation has not hidden, starts threads, posts, and edits their
  // own visible posts. Support staff moderate (`review`: hide, restore, lock, pin) and curate
  // categories; admins hold `manage all`.
  can("read", "ForumCategory");
  can("read", "ForumThread", { hiddenAt: null });
  can("read", "ForumPost", { hiddenAt: null, thread: { is: { hiddenAt: null } } });
  can("create", ["ForumThread", "ForumPost"]);
  can("update", "ForumPost", { authorId: viewer.id, hiddenAt: null });
  if (viewer.role === "SUPPORT") {
    can(["read", "review"], ["ForumThread", "ForumPost"]);
    can(["create", "update"], "ForumCategory");
  }

  // Webinars: the schedule is open to everyone signed in; anyone registers (`join`); approved
  // mentors host (approval is checked by the service); hosts and staff see who registered.
  can("read", "Webinar");
  can("join", "Webinar", { status: "SCHEDULED" });
  can("read", "WebinarRegistration", { userId: viewer.id });
  if (viewer.role === "MENTOR") {
    can("create", "Webinar");
    can(["update", "cancel"], "Webinar", { hostId: viewer.id });
    can("read", "WebinarRegistration", { webinar: { is: { hostId: viewer.id } } });
  }
  if (staff) {
    can("cancel", "Webinar");
    can("read", "WebinarRegistration");
  }

  // Chat per mentorship: only its mentor and mentee read and write. Support staff read messages
  // to review reports about them (seed 003: every report reviewed) and remove a message that
  // breaks the rules (`review`: hide or restore, with a reason), but never write in it; the live
  // `messageAdded` feed is for the two members only.
  for (const member of [{ mentorId: viewer.id }, { menteeId: viewer.id }]) {
    can(["read", "create"], "ChatMessage", { mentorship: { is: member } });
  }
  if (viewer.role === "SUPPORT") can(["read", "review"], "ChatMessage");
};
