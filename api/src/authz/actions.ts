// The one registry of what can be done to what. Subjects are Prisma model names.
import type { Ability } from "@casl/ability";
import type { PrismaQueryOf, Subjects, PrismaModel } from "@casl/prisma/runtime";
import type { Prisma } from "../generated/prisma/client.js";
import type * as M from "../generated/prisma/client.js";

export const ACTIONS = [
  "manage",
  "create",
  "read",
  "update",
  "delete",
  // named verbs
  "approve",
  "assign",
  "ban",
  "book",
  "cancel",
  "certify",
  "end",
  "join",
  "publish",
  "refund",
  "resolve",
  "review",
  "revoke",
] as const;
export type Action = (typeof ACTIONS)[number];

export type ModelSubjects = Subjects<{
  Session: M.Session;
  SessionPresence: M.SessionPresence;
  AvailabilityRule: M.AvailabilityRule;
  AvailabilityException: M.AvailabilityException;
  LateRecord: M.LateRecord;
  FeeMultiplierChange: M.FeeMultiplierChange;
  CalendarFeed: M.CalendarFeed;
  Charge: M.Charge;
  User: M.User;
  MentorProfile: M.MentorProfile;
  MentorApplication: M.MentorApplication;
  AuthSession: M.AuthSession;
  Program: M.Program;
  ProgramMember: M.ProgramMember;
  PlatformConfig: M.PlatformConfig;
  PolicyVersion: M.PolicyVersion;
  AuditLog: M.AuditLog;
  Notification: M.Notification;
  Report: M.Report;
  Enforcement: M.Enforcement;
  Appeal: M.Appeal;
  Refund: M.Refund;
  PartialRefundRequest: M.PartialRefundRequest;
  Dispute: M.Dispute;
  DisputeNote: M.DisputeNote;
  // mentorships, agreements, progress, conduct, consent, feedback, privacy
  Mentorship: M.Mentorship;
  MentorshipAgreement: M.MentorshipAgreement;
  Goal: M.Goal;
  Milestone: M.Milestone;
  Task: M.Task;
  PolicyDocument: M.PolicyDocument;
  PolicyAcceptance: M.PolicyAcceptance;
  SessionExpectation: M.SessionExpectation;
  RecordingConsent: M.RecordingConsent;
  SessionFeedback: M.SessionFeedback;
  MentorshipCheckIn: M.MentorshipCheckIn;
  CheckInResponse: M.CheckInResponse;
  AccountDeletionRequest: M.AccountDeletionRequest;
  LibraryItem: M.LibraryItem;
  SupportTicket: M.SupportTicket;
  SupportTicketMessage: M.SupportTicketMessage;
  ForumCategory: M.ForumCategory;
  ForumThread: M.ForumThread;
  ForumPost: M.ForumPost;
  Webinar: M.Webinar;
  WebinarRegistration: M.WebinarRegistration;
  ChatMessage: M.ChatMessage;
  CertificationProgram: M.CertificationProgram;
  CertificationEnrollment: M.CertificationEnrollment;
  Evaluation: M.Evaluation;
  Certificate: M.Certificate;
}>;
export type AppSubjects = ModelSubjects | "all";
export type SubjectName = Extract<ModelSubjects, string>;

type PrismaQuery<T extends PrismaModel = PrismaModel> = PrismaQueryOf<Prisma.TypeMap, T>;
export type AppAbility = Ability<[Action, AppSubjects], PrismaQuery>;
