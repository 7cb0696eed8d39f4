// The route table: each page is a lazy chunk with the permission that shows it and a preload
// that fetches its code and first data while the pointer is still over the link.
import { lazy, type Component } from "solid-js";
import type { Client } from "@urql/core";
import type { Need } from "./lib/viewer";
import { UsersPageDocument, MentorApplicationsDocument } from "./pages/users/users.documents";
import { PolicyPageDocument } from "./pages/policy/policy.documents";
import { LiveBoardDocument, SessionDetailDocument } from "./pages/sessions/sessions.documents";
import { boardFilter } from "./pages/sessions/board-filter";
import { AppealsQueueDocument, ReportsQueueDocument, UserStandingDocument } from "./pages/safety/safety.documents";
import { ReportDocument } from "./pages/safety/report.documents";
import { LibraryItemsDocument } from "./pages/library/library.documents";
import { DisputeDocument, DisputeQueueDocument, PartialRefundRequestsDocument, RefundsDocument } from "./pages/money/money.documents";
import { SupportTicketDocument, SupportTicketsDocument } from "./pages/support/support.documents";
import { ForumCategoryThreadsDocument, ForumThreadDocument } from "./pages/forums/forums.documents";
import { CertificationProgramsDocument } from "./pages/certifications/certifications.documents";
import { AuditLogDocument } from "./pages/audit/audit.documents";
import { ProgramsDocument } from "./pages/programs/programs.documents";
import { MentorshipChatDocument, MentorshipDocument, MentorshipsDocument } from "./pages/mentorships/mentorships.documents";
import { WebinarDocument, WebinarsDocument } from "./pages/webinars/webinars.documents";
import { FeeHistoryDocument, LateRecordsDocument, MentorFeeSummaryDocument } from "./pages/users/fees.documents";

type LazyPage = Component & { preload: () => Promise<unknown> };

export interface PageDef {
  path: string;
  title: string;
  /** Shown in the navigation (detail routes are not). */
  nav: boolean;
  need?: Need;
  component: LazyPage;
  /** Warms the urql cache with the page's first query. */
  load?: (client: Client, params: Record<string, string>) => unknown;
}

const staffRead = (subject: string): Need => ({ action: "read", subject, allRows: true });

const LiveBoard = lazy(() => import("./pages/sessions/live-board-page"));
const SessionPage = lazy(() => import("./pages/sessions/session-page"));
const UsersPage = lazy(() => import("./pages/users/users-page"));
const UserDetail = lazy(() => import("./pages/users/user-detail"));
const Applications = lazy(() => import("./pages/users/applications-page"));

export const PAGES: PageDef[] = [
  {
    path: "/",
    title: "Overview",
    nav: true,
    component: lazy(() => import("./pages/overview/overview-page")),
  },
  {
    path: "/sessions",
    title: "Live sessions",
    nav: true,
    need: staffRead("Session"),
    component: LiveBoard,
    load: (c) => c.query(LiveBoardDocument, { first: 100, filter: boardFilter() }, { requestPolicy: "network-only" }).toPromise(),
  },
  {
    path: "/sessions/:id",
    title: "Session",
    nav: false,
    need: staffRead("Session"),
    component: SessionPage,
    load: (c, p) => c.query(SessionDetailDocument, { id: p.id }).toPromise(),
  },
  {
    path: "/disputes",
    title: "Disputes",
    nav: true,
    need: staffRead("Dispute"),
    component: lazy(() => import("./pages/money/disputes-page")),
    load: (c) => c.query(DisputeQueueDocument, { first: 25, filter: {} }).toPromise(),
  },
  {
    path: "/disputes/:id",
    title: "Dispute",
    nav: false,
    need: staffRead("Dispute"),
    component: lazy(() => import("./pages/money/dispute-page")),
    load: (c, p) => c.query(DisputeDocument, { id: p.id }).toPromise(),
  },
  {
    path: "/refunds",
    title: "Refunds",
    nav: true,
    need: staffRead("Refund"),
    component: lazy(() => import("./pages/money/refunds-page")),
    load: (c) => c.query(RefundsDocument, { first: 25, filter: {} }).toPromise(),
  },
  {
    path: "/refunds/partial",
    title: "Partial refunds",
    nav: false,
    need: staffRead("PartialRefundRequest"),
    component: lazy(() => import("./pages/money/partial-refunds-page")),
    load: (c) => c.query(PartialRefundRequestsDocument, { first: 25, statuses: ["PENDING", "CONTESTED"] }).toPromise(),
  },
  {
    path: "/support",
    title: "Support tickets",
    nav: true,
    need: staffRead("SupportTicket"),
    component: lazy(() => import("./pages/support/tickets-page")),
    load: (c) => c.query(SupportTicketsDocument, { first: 25, filter: { status: "OPEN" } }).toPromise(),
  },
  {
    path: "/support/:id",
    title: "Support ticket",
    nav: false,
    need: staffRead("SupportTicket"),
    component: lazy(() => import("./pages/support/ticket-page")),
    load: (c, p) => c.query(SupportTicketDocument, { id: p.id }).toPromise(),
  },
  {
    path: "/forums",
    title: "Forum moderation",
    nav: true,
    // Everyone reads the forums; the page is for moderators, who may review every post.
    need: { action: "review", subject: "ForumPost", allRows: true },
    component: lazy(() => import("./pages/forums/forums-page")),
    load: (c) => c.query(ForumCategoryThreadsDocument, { first: 25 }).toPromise(),
  },
  {
    path: "/forums/threads/:id",
    title: "Forum thread",
    nav: false,
    need: { action: "review", subject: "ForumPost", allRows: true },
    component: lazy(() => import("./pages/forums/thread-page")),
    load: (c, p) => c.query(ForumThreadDocument, { id: p.id, first: 50 }).toPromise(),
  },
  {
    path: "/users",
    title: "Users",
    nav: true,
    need: staffRead("User"),
    component: UsersPage,
    load: (c) => c.query(UsersPageDocument, { first: 25, filter: {} }).toPromise(),
  },
  { path: "/users/:id", title: "User", nav: false, need: staffRead("User"), component: UserDetail },
  {
    path: "/users/:id/fees",
    title: "Lateness and fees",
    nav: false,
    need: staffRead("FeeMultiplierChange"),
    component: lazy(() => import("./pages/users/fees-page")),
    load: (c, p) =>
      Promise.all([
        c.query(MentorFeeSummaryDocument, { mentorId: p.id }).toPromise(),
        c.query(FeeHistoryDocument, { mentorId: p.id, first: 25 }).toPromise(),
        c.query(LateRecordsDocument, { mentorId: p.id, first: 25 }).toPromise(),
      ]),
  },
  {
    path: "/mentorships",
    title: "Mentorships",
    nav: true,
    need: staffRead("Mentorship"),
    component: lazy(() => import("./pages/mentorships/mentorships-page")),
    load: (c) => c.query(MentorshipsDocument, { first: 25, filter: { status: "ACTIVE" } }).toPromise(),
  },
  {
    path: "/mentorships/:id",
    title: "Mentorship",
    nav: false,
    need: staffRead("Mentorship"),
    component: lazy(() => import("./pages/mentorships/mentorship-page")),
    load: (c, p) => c.query(MentorshipDocument, { id: p.id }).toPromise(),
  },
  {
    path: "/mentorships/:id/chat",
    title: "Chat review",
    nav: false,
    // Staff read chats to review reports; they never write in them.
    need: staffRead("ChatMessage"),
    component: lazy(() => import("./pages/mentorships/chat-page")),
    load: (c, p) => c.query(MentorshipChatDocument, { mentorshipId: p.id, first: 50 }).toPromise(),
  },
  {
    path: "/webinars",
    title: "Webinars",
    nav: true,
    // Everyone reads the schedule; the page is for staff, who may cancel any webinar.
    need: { action: "cancel", subject: "Webinar", allRows: true },
    component: lazy(() => import("./pages/webinars/webinars-page")),
    load: (c) => c.query(WebinarsDocument, { first: 25, includeCancelled: true }).toPromise(),
  },
  {
    path: "/webinars/:id",
    title: "Webinar",
    nav: false,
    need: { action: "cancel", subject: "Webinar", allRows: true },
    component: lazy(() => import("./pages/webinars/webinar-page")),
    load: (c, p) => c.query(WebinarDocument, { id: p.id }).toPromise(),
  },
  {
    path: "/applications",
    title: "Mentor applications",
    nav: true,
    need: staffRead("MentorApplication"),
    component: Applications,
    load: (c) => c.query(MentorApplicationsDocument, { first: 25, status: "PENDING" }).toPromise(),
  },
  {
    path: "/safety",
    title: "Trust & safety",
    nav: true,
    need: staffRead("Report"),
    component: lazy(() => import("./pages/safety/reports-page")),
    load: (c) => c.query(ReportsQueueDocument, { first: 25, filter: { status: "OPEN" } }).toPromise(),
  },
  {
    path: "/safety/reports/:id",
    title: "Report",
    nav: false,
    need: staffRead("Report"),
    component: lazy(() => import("./pages/safety/report-page")),
    load: (c, p) => c.query(ReportDocument, { id: p.id }).toPromise(),
  },
  {
    path: "/safety/users/:id",
    title: "Standing",
    nav: false,
    need: staffRead("Enforcement"),
    component: lazy(() => import("./pages/safety/standing-page")),
    load: (c, p) => c.query(UserStandingDocument, { userId: p.id, first: 50 }).toPromise(),
  },
  {
    path: "/safety/appeals",
    title: "Appeals",
    nav: false,
    need: staffRead("Appeal"),
    component: lazy(() => import("./pages/safety/appeals-page")),
    load: (c) => c.query(AppealsQueueDocument, { first: 25, status: "PENDING" }).toPromise(),
  },
  {
    path: "/library",
    title: "Library",
    nav: true,
    // Staff manage the library; everyone else reads published items in the apps.
    need: { action: "update", subject: "LibraryItem", allRows: true },
    component: lazy(() => import("./pages/library/library-page")),
    load: (c) => c.query(LibraryItemsDocument, { first: 25, filter: {} }).toPromise(),
  },
  {
    path: "/certifications",
    title: "Certifications",
    nav: true,
    need: staffRead("Certificate"),
    component: lazy(() => import("./pages/certifications/certifications-page")),
    load: (c) => c.query(CertificationProgramsDocument, {}).toPromise(),
  },
  {
    path: "/programs",
    title: "Programs",
    nav: true,
    need: staffRead("Program"),
    component: lazy(() => import("./pages/programs/programs-page")),
    load: (c) => c.query(ProgramsDocument, {}).toPromise(),
  },
  {
    path: "/policy",
    title: "Policy",
    nav: true,
    // Everyone may read the rules; the page is the admins' editor.
    need: { action: "update", subject: "PolicyVersion", allRows: true },
    component: lazy(() => import("./pages/policy/policy-page")),
    load: (c) => c.query(PolicyPageDocument, {}).toPromise(),
  },
  {
    path: "/audit",
    title: "Audit log",
    nav: true,
    need: staffRead("AuditLog"),
    component: lazy(() => import("./pages/audit/audit-page")),
    load: (c) => c.query(AuditLogDocument, { first: 50, filter: {} }).toPromise(),
  },
];
