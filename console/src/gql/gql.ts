/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query PersonMatches($first: Int!, $filter: UserFilter) {\n    users(first: $first, filter: $filter) {\n      edges { node { id displayName email role } }\n    }\n  }\n": typeof types.PersonMatchesDocument,
    "\n  query PersonName($id: ID!) {\n    user(id: $id) { id displayName }\n  }\n": typeof types.PersonNameDocument,
    "\n  subscription ViewersOf($subject: PresenceSubject!, $id: ID!) {\n    viewersOf(subject: $subject, id: $id) { userId displayName since }\n  }\n": typeof types.ViewersOfDocument,
    "\n  query StaffSearch($text: String!) {\n    search(text: $text, first: 5) {\n      users { id displayName email role status }\n      sessions { id topic startsAt state mentor { displayName } mentee { displayName } }\n      certificates { id code holderName program { name } }\n      disputes { id reason status mentor { displayName } mentee { displayName } }\n      tickets { id subject status }\n    }\n  }\n": typeof types.StaffSearchDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      user { id displayName role email }\n      permissions { action subject allRows }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorKind\n    actor { id displayName }\n    subjectType\n    subjectId\n    subjectLabel\n    reason\n    before\n    after\n    requestId\n    createdAt\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges { node { ...AuditEntryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  subscription AuditEntryAdded {\n    auditEntryAdded { ...AuditEntryFields }\n  }\n": typeof types.AuditEntryAddedDocument,
    "\n  query CertificationPrograms {\n    certificationPrograms {\n      id\n      name\n      description\n      active\n      minCompletedSessions\n      minMilestonesReached\n      minEvaluationScore\n      rubric { key label maxPoints }\n    }\n  }\n": typeof types.CertificationProgramsDocument,
    "\n  query Certificates($first: Int!, $after: String, $menteeId: ID) {\n    certificates(first: $first, after: $after, menteeId: $menteeId) {\n      edges { node { id code holderName issuedAt issuedBy menteeId revokedAt revokeReason program { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.CertificatesDocument,
    "\n  query CertificationProgress($menteeId: ID!, $programId: ID!) {\n    certificationProgress(menteeId: $menteeId, programId: $programId) {\n      met\n      completedSessions\n      requiredSessions\n      milestonesReached\n      requiredMilestones\n      evaluationScore\n      requiredScore\n      evaluations\n    }\n  }\n": typeof types.CertificationProgressDocument,
    "\n  mutation CreateCertificationProgram($input: CreateCertificationProgramInput!) {\n    createCertificationProgram(input: $input) { id name }\n  }\n": typeof types.CreateCertificationProgramDocument,
    "\n  mutation IssueCertificate($input: IssueCertificateInput!) {\n    issueCertificate(input: $input) { id code holderName issuedAt }\n  }\n": typeof types.IssueCertificateDocument,
    "\n  mutation RevokeCertificate($input: RevokeCertificateInput!) {\n    revokeCertificate(input: $input) { id revokedAt revokeReason }\n  }\n": typeof types.RevokeCertificateDocument,
    "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) { code valid status holderName programName issuedAt revokedAt }\n  }\n": typeof types.VerifyCertificateDocument,
    "\n  fragment ForumThreadRowFields on ForumThread {\n    id\n    title\n    authorId\n    authorName\n    locked\n    pinned\n    hidden\n    hiddenReason\n    createdAt\n    lastPostAt\n  }\n": typeof types.ForumThreadRowFieldsFragmentDoc,
    "\n  query ForumCategories {\n    forumCategories { id name description }\n  }\n": typeof types.ForumCategoriesDocument,
    "\n  query ForumCategoryThreads($first: Int!, $after: String) {\n    forumCategories {\n      id\n      name\n      threads(first: $first, after: $after) {\n        edges { node { ...ForumThreadRowFields } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ForumCategoryThreadsDocument,
    "\n  query ForumThread($id: ID!, $first: Int!, $after: String) {\n    forumThread(id: $id) {\n      ...ForumThreadRowFields\n      category { id name }\n      posts(first: $first, after: $after) {\n        edges { node { id authorId authorName body hidden hiddenReason createdAt editedAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": typeof types.ForumThreadDocument,
    "\n  mutation ModerateForumPost($input: ModerateForumPostInput!) {\n    moderateForumPost(input: $input) { id hidden hiddenReason }\n  }\n": typeof types.ModerateForumPostDocument,
    "\n  mutation ModerateForumThread($input: ModerateForumThreadInput!) {\n    moderateForumThread(input: $input) { ...ForumThreadRowFields }\n  }\n": typeof types.ModerateForumThreadDocument,
    "\n  fragment LibraryItemFields on LibraryItem {\n    id\n    kind\n    status\n    title\n    summary\n    body\n    url\n    tags\n    authorName\n    createdAt\n    updatedAt\n    publishedAt\n    archivedAt\n  }\n": typeof types.LibraryItemFieldsFragmentDoc,
    "\n  query LibraryItems($first: Int!, $after: String, $filter: LibraryFilter) {\n    libraryItems(first: $first, after: $after, filter: $filter) {\n      edges { node { ...LibraryItemFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.LibraryItemsDocument,
    "\n  mutation CreateLibraryItem($input: CreateLibraryItemInput!) {\n    createLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n": typeof types.CreateLibraryItemDocument,
    "\n  mutation UpdateLibraryItem($input: UpdateLibraryItemInput!) {\n    updateLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n": typeof types.UpdateLibraryItemDocument,
    "\n  mutation PublishLibraryItem($input: LibraryItemStatusInput!) {\n    publishLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n": typeof types.PublishLibraryItemDocument,
    "\n  mutation ArchiveLibraryItem($input: LibraryItemStatusInput!) {\n    archiveLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n": typeof types.ArchiveLibraryItemDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token }\n  }\n": typeof types.LogInDocument,
    "\n  fragment MentorshipRowFields on Mentorship {\n    id\n    status\n    programId\n    createdAt\n    activatedAt\n    endedAt\n    mentor { id displayName }\n    mentee { id displayName }\n  }\n": typeof types.MentorshipRowFieldsFragmentDoc,
    "\n  query Mentorships($first: Int!, $after: String, $filter: MentorshipFilter) {\n    mentorships(first: $first, after: $after, filter: $filter) {\n      edges { node { ...MentorshipRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MentorshipsDocument,
    "\n  fragment AgreementFields on MentorshipAgreement {\n    id\n    version\n    status\n    amendsVersion\n    objectives\n    scope\n    startsOn\n    endsOn\n    confidentiality\n    sessionsPerMonth\n    commitmentNote\n    proposedBy\n    proposedAt\n    mentorAcceptedAt\n    menteeAcceptedAt\n    closedAt\n    closeReason\n  }\n": typeof types.AgreementFieldsFragmentDoc,
    "\n  query Mentorship($id: ID!) {\n    mentorship(id: $id) {\n      ...MentorshipRowFields\n      startedBy\n      endReason\n      expiresAt\n      mentorAcceptedAt\n      menteeAcceptedAt\n      progressPercent\n      health { responses averageScore lastScore lowScores unansweredCheckIns }\n      currentAgreement { ...AgreementFields }\n      agreements { ...AgreementFields }\n    }\n  }\n": typeof types.MentorshipDocument,
    "\n  mutation EndMentorship($input: EndMentorshipInput!) {\n    endMentorship(input: $input) { ...MentorshipRowFields endReason }\n  }\n": typeof types.EndMentorshipDocument,
    "\n  query MentorshipChat($mentorshipId: ID!, $first: Int!, $after: String) {\n    mentorship(id: $mentorshipId) { ...MentorshipRowFields }\n    chatMessages(mentorshipId: $mentorshipId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          authorId\n          authorName\n          body\n          hidden\n          hiddenReason\n          createdAt\n          reports { id category status source detectorRule description createdAt reporter { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MentorshipChatDocument,
    "\n  mutation ModerateChatMessage($input: ModerateChatMessageInput!) {\n    moderateChatMessage(input: $input) { id body hidden hiddenReason }\n  }\n": typeof types.ModerateChatMessageDocument,
    "\n  fragment DisputeRowFields on Dispute {\n    id\n    scope\n    status\n    reason\n    openedBy\n    overdue\n    responseDueAt\n    createdAt\n    updatedAt\n    version\n    sessionId\n    outcome\n    mentor { id displayName }\n    mentee { id displayName }\n    assignee { id displayName }\n  }\n": typeof types.DisputeRowFieldsFragmentDoc,
    "\n  query DisputeQueue($first: Int!, $after: String, $filter: DisputeFilter) {\n    disputeQueue(first: $first, after: $after, filter: $filter) {\n      edges { node { ...DisputeRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.DisputeQueueDocument,
    "\n  query ResolvedDisputes($first: Int!, $after: String, $filter: DisputeFilter) {\n    disputes(first: $first, after: $after, filter: $filter) {\n      edges { node { ...DisputeRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ResolvedDisputesDocument,
    "\n  subscription DisputeQueueUpdated {\n    disputeQueueUpdated { id kind }\n  }\n": typeof types.DisputeQueueUpdatedDocument,
    "\n  fragment DisputeDetailFields on Dispute {\n    ...DisputeRowFields\n    evidence\n    partialRefundRequestId\n    resolvedAt\n    resolutionReason\n    outcomeAmount { amountMinor currency }\n    refund { id amount { amountMinor currency } createdAt }\n    messages { id body createdAt visibility author { id displayName } }\n    internalNotes { id body createdAt visibility author { id displayName } }\n    session { id topic startsAt state }\n  }\n": typeof types.DisputeDetailFieldsFragmentDoc,
    "\n  query Dispute($id: ID!) {\n    dispute(id: $id) { ...DisputeDetailFields }\n  }\n": typeof types.DisputeDocument,
    "\n  subscription DisputeUpdated($id: ID!) {\n    disputeUpdated(id: $id) { ...DisputeDetailFields }\n  }\n": typeof types.DisputeUpdatedDocument,
    "\n  query Charge($sessionId: ID!) {\n    charge(sessionId: $sessionId) {\n      id\n      status\n      sessionId\n      amount { amountMinor currency }\n      refunded { amountMinor currency }\n      refundable { amountMinor currency }\n      payer { id displayName }\n      payee { id displayName }\n      refunds { id kind reason createdAt amount { amountMinor currency } }\n    }\n  }\n": typeof types.ChargeDocument,
    "\n  mutation AssignDispute($input: AssignDisputeInput!) {\n    assignDispute(input: $input) { ...DisputeDetailFields }\n  }\n": typeof types.AssignDisputeDocument,
    "\n  mutation AddDisputeNote($input: DisputeNoteInput!) {\n    addDisputeNote(input: $input) { id }\n  }\n": typeof types.AddDisputeNoteDocument,
    "\n  mutation PostDisputeMessage($input: DisputeNoteInput!) {\n    postDisputeMessage(input: $input) { id }\n  }\n": typeof types.PostDisputeMessageDocument,
    "\n  mutation ResolveDispute($input: ResolveDisputeInput!) {\n    resolveDispute(input: $input) { ...DisputeDetailFields }\n  }\n": typeof types.ResolveDisputeDocument,
    "\n  query Refunds($first: Int!, $after: String, $filter: RefundFilter) {\n    refunds(first: $first, after: $after, filter: $filter) {\n      edges { node { id kind reason createdAt sessionId actorKind disputeId amount { amountMinor currency } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.RefundsDocument,
    "\n  query UserSessions($first: Int!, $userId: ID!) {\n    sessions(first: $first, filter: { userId: $userId }) {\n      edges { node { id topic startsAt state priceMinor currency mentor { displayName } mentee { displayName } } }\n    }\n  }\n": typeof types.UserSessionsDocument,
    "\n  mutation IssueRefund($input: IssueRefundInput!) {\n    issueRefund(input: $input) { id kind reason createdAt amount { amountMinor currency } }\n  }\n": typeof types.IssueRefundDocument,
    "\n  query PartialRefundRequests($first: Int!, $after: String, $statuses: [PartialRefundStatus!]) {\n    partialRefundRequests(first: $first, after: $after, statuses: $statuses) {\n      edges {\n        node {\n          id\n          sessionId\n          status\n          reason\n          scheduledMinutes\n          unlapsedMinutes\n          contestDeadline\n          contestedAt\n          contestReason\n          disputeId\n          paidAt\n          createdAt\n          amount { amountMinor currency }\n          price { amountMinor currency }\n          mentor { id displayName }\n          mentee { id displayName }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.PartialRefundRequestsDocument,
    "\n  query RefundSession($id: ID!) {\n    session(id: $id) { id topic state startsAt endsAt }\n  }\n": typeof types.RefundSessionDocument,
    "\n  query OverviewAudit($first: Int!) {\n    auditLog(first: $first) {\n      edges { node { id createdAt actorKind } }\n    }\n  }\n": typeof types.OverviewAuditDocument,
    "\n  query OverviewDailyTotals($days: Int!) {\n    dailyTotals(days: $days) { day sessionsHeld mentorJoins onTimeJoins onTimeRate refunds refunded { currency amountMinor } }\n  }\n": typeof types.OverviewDailyTotalsDocument,
    "\n  query WorkQueues {\n    workQueues { name open overdue unassigned oldestAt nextDueAt }\n  }\n": typeof types.WorkQueuesDocument,
    "\n  fragment PolicyFieldFields on PolicyField {\n    key\n    section\n    sectionLabel\n    label\n    description\n    unit\n    kind\n    min\n    max\n    options { value label }\n  }\n": typeof types.PolicyFieldFieldsFragmentDoc,
    "\n  query PolicyPage {\n    policy { version values }\n    policyFields { ...PolicyFieldFields }\n    policyHistory(limit: 50) {\n      id\n      version\n      reason\n      values\n      createdAt\n      createdBy { id displayName }\n    }\n  }\n": typeof types.PolicyPageDocument,
    "\n  mutation UpdatePolicy($input: UpdatePolicyInput!) {\n    updatePolicy(input: $input) { version values }\n  }\n": typeof types.UpdatePolicyDocument,
    "\n  query PreviewPolicyChange($changes: JSON!) {\n    previewPolicyChange(changes: $changes) {\n      currentVersion\n      changes {\n        aspect\n        current\n        proposed\n        detail\n        user { id displayName email }\n      }\n    }\n  }\n": typeof types.PreviewPolicyChangeDocument,
    "\n  query Programs {\n    programs {\n      id\n      name\n      kind\n      description\n      createdAt\n      members { role addedAt user { id displayName email role } }\n    }\n  }\n": typeof types.ProgramsDocument,
    "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) { id name kind description createdAt members { role addedAt user { id displayName email role } } }\n  }\n": typeof types.CreateProgramDocument,
    "\n  mutation AddProgramMember($programId: ID!, $userId: ID!) {\n    addProgramMember(programId: $programId, userId: $userId) { role addedAt user { id displayName } program { id } }\n  }\n": typeof types.AddProgramMemberDocument,
    "\n  mutation RemoveProgramMember($programId: ID!, $userId: ID!) {\n    removeProgramMember(programId: $programId, userId: $userId)\n  }\n": typeof types.RemoveProgramMemberDocument,
    "\n  query FindUsers($search: String!) {\n    users(first: 8, filter: { search: $search, status: ACTIVE }) {\n      edges { node { id displayName email role } }\n    }\n  }\n": typeof types.FindUsersDocument,
    "\n  query Report($id: ID!) {\n    report(id: $id) { ...ReportFields }\n  }\n": typeof types.ReportDocument,
    "\n  fragment ReportFields on Report {\n    id\n    category\n    status\n    source\n    description\n    detectorRule\n    evidence\n    verifiedBy\n    verification\n    sessionId\n    createdAt\n    decidedAt\n    decisionReason\n    subject { id displayName role status }\n    reporter { id displayName }\n    reviewer { id displayName }\n    enforcement { id kind scope endsAt }\n  }\n": typeof types.ReportFieldsFragmentDoc,
    "\n  query ReportsQueue($first: Int!, $after: String, $filter: ReportFilter) {\n    reports(first: $first, after: $after, filter: $filter) {\n      edges { node { ...ReportFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.ReportsQueueDocument,
    "\n  mutation ReviewReport($input: ReviewReportInput!) {\n    reviewReport(input: $input) { ...ReportFields }\n  }\n": typeof types.ReviewReportDocument,
    "\n  fragment EnforcementFields on Enforcement {\n    id\n    kind\n    scope\n    feature\n    category\n    origin\n    reason\n    startsAt\n    endsAt\n    dropsOutAt\n    appealDeadline\n    overturnedAt\n    overturnReason\n    policyVersion\n    issuedBy { id displayName }\n    program { id name }\n  }\n": typeof types.EnforcementFieldsFragmentDoc,
    "\n  query UserStanding($userId: ID!, $first: Int!) {\n    user(id: $userId) { id displayName email role status }\n    userStanding(userId: $userId) {\n      status\n      nextStep\n      warnings { ...EnforcementFields }\n      activeStrikes { ...EnforcementFields }\n      suspensions { ...EnforcementFields }\n      ban { ...EnforcementFields }\n      appealable { id }\n      complaints { category threshold counted verified upheldUnverified unverifiedPending windowDays }\n    }\n    enforcements(first: $first, filter: { userId: $userId, includeOverturned: true }) {\n      edges { node { ...EnforcementFields } }\n    }\n    reports(first: $first, filter: { subjectId: $userId }) {\n      edges { node { id category status source verification createdAt decisionReason reporter { id displayName } } }\n    }\n  }\n": typeof types.UserStandingDocument,
    "\n  mutation IssueEnforcement($input: IssueEnforcementInput!) {\n    issueEnforcement(input: $input) { ...EnforcementFields }\n  }\n": typeof types.IssueEnforcementDocument,
    "\n  query AppealsQueue($first: Int!, $after: String, $status: AppealStatus) {\n    appeals(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          status\n          statement\n          createdAt\n          decidedAt\n          decisionReason\n          user { id displayName }\n          reviewer { id displayName }\n          enforcement { ...EnforcementFields }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.AppealsQueueDocument,
    "\n  mutation DecideAppeal($input: DecideAppealInput!) {\n    decideAppeal(input: $input) { id status decidedAt decisionReason }\n  }\n": typeof types.DecideAppealDocument,
    "\n  subscription SafetyFeed {\n    safetyFeed { kind id }\n  }\n": typeof types.SafetyFeedDocument,
    "\n  query ReportDecisionPreview($input: ReviewReportInput!) {\n    reportDecisionPreview(input: $input) {\n      reportId\n      decision\n      enforcements { kind scope feature origin reason endsAt }\n      sessionsToCancel {\n        id\n        startsAt\n        mentor { id displayName }\n        mentee { id displayName }\n        refund { amountMinor currency }\n      }\n      refundTotals { amountMinor currency }\n    }\n  }\n": typeof types.ReportDecisionPreviewDocument,
    "\n  fragment BoardSessionFields on Session {\n    id\n    state\n    topic\n    startsAt\n    endsAt\n    durationMinutes\n    liveAt\n    endedAt\n    endedBy\n    endReason\n    mentorJoinedAt\n    menteeJoinedAt\n    mentorLateMinutes\n    mentorNoShow\n    menteeNoShow\n    cancelledAt\n    mentor { id displayName }\n    mentee { id displayName }\n  }\n": typeof types.BoardSessionFieldsFragmentDoc,
    "\n  query LiveBoard($first: Int!, $filter: SessionFilter!) {\n    sessions(first: $first, filter: $filter) {\n      edges { node { ...BoardSessionFields } }\n    }\n  }\n": typeof types.LiveBoardDocument,
    "\n  subscription LiveSessions {\n    liveSessions { ...BoardSessionFields }\n  }\n": typeof types.LiveSessionsDocument,
    "\n  fragment SessionDetailFields on Session {\n    ...BoardSessionFields\n    priceMinor\n    currency\n    policyVersion\n    rescheduleCount\n    unlapsedMinutes\n    cancelledBy\n    cancelReason\n    refundPercent\n    refundDueMinor\n    presence { id userId party kind source at }\n  }\n": typeof types.SessionDetailFieldsFragmentDoc,
    "\n  query SessionDetail($id: ID!) {\n    session(id: $id) { ...SessionDetailFields }\n  }\n": typeof types.SessionDetailDocument,
    "\n  subscription SessionUpdated($id: ID!) {\n    sessionUpdated(id: $id) { ...SessionDetailFields }\n  }\n": typeof types.SessionUpdatedDocument,
    "\n  mutation StaffEndSession($input: EndSessionInput!) {\n    endSession(input: $input) { ...SessionDetailFields }\n  }\n": typeof types.StaffEndSessionDocument,
    "\n  mutation StaffCancelSession($input: CancelSessionInput!) {\n    cancelSession(input: $input) { ...SessionDetailFields }\n  }\n": typeof types.StaffCancelSessionDocument,
    "\n  query SessionDisputes($sessionId: ID!) {\n    disputes(first: 20, filter: { sessionId: $sessionId }) {\n      edges { node { id status reason scope overdue responseDueAt createdAt outcome } }\n    }\n  }\n": typeof types.SessionDisputesDocument,
    "\n  fragment SupportTicketRowFields on SupportTicket {\n    id\n    subject\n    status\n    requesterId\n    requesterName\n    assigneeId\n    assigneeName\n    createdAt\n    updatedAt\n    closedAt\n    closeReason\n  }\n": typeof types.SupportTicketRowFieldsFragmentDoc,
    "\n  query SupportTickets($first: Int!, $after: String, $filter: SupportTicketFilter) {\n    supportTickets(first: $first, after: $after, filter: $filter) {\n      edges { node { ...SupportTicketRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.SupportTicketsDocument,
    "\n  query SupportTicket($id: ID!) {\n    supportTicket(id: $id) {\n      ...SupportTicketRowFields\n      messages { id body fromStaff authorName createdAt }\n    }\n  }\n": typeof types.SupportTicketDocument,
    "\n  mutation ReplyToSupportTicket($input: ReplyToSupportTicketInput!) {\n    replyToSupportTicket(input: $input) {\n      ...SupportTicketRowFields\n      messages { id body fromStaff authorName createdAt }\n    }\n  }\n": typeof types.ReplyToSupportTicketDocument,
    "\n  mutation AssignSupportTicket($input: AssignSupportTicketInput!) {\n    assignSupportTicket(input: $input) { ...SupportTicketRowFields }\n  }\n": typeof types.AssignSupportTicketDocument,
    "\n  mutation CloseSupportTicket($input: CloseSupportTicketInput!) {\n    closeSupportTicket(input: $input) { ...SupportTicketRowFields }\n  }\n": typeof types.CloseSupportTicketDocument,
    "\n  query MentorFeeSummary($mentorId: ID!) {\n    user(id: $mentorId) {\n      id\n      displayName\n      mentorProfile { feeMultiplierBps onTimeStreak }\n    }\n  }\n": typeof types.MentorFeeSummaryDocument,
    "\n  query FeeHistory($mentorId: ID!, $first: Int!, $after: String) {\n    feeMultiplierHistory(mentorId: $mentorId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          fromBps\n          toBps\n          rule\n          reason\n          policyVersion\n          createdAt\n          sessions { id startsAt mentee { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.FeeHistoryDocument,
    "\n  query LateRecords($mentorId: ID!, $first: Int!, $after: String) {\n    lateRecords(mentorId: $mentorId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          lateMinutes\n          noShow\n          penaltyBps\n          recordedAt\n          expiredAt\n          session { id startsAt mentee { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.LateRecordsDocument,
    "\n  query UsersPage($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      edges {\n        node { id displayName email role status createdAt mentorProfile { approved } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.UsersPageDocument,
    "\n  query UserDetail($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n      role\n      status\n      timeZone\n      createdAt\n      mentorProfile { approved approvedAt headline bio expertise hourlyRateMinor currency }\n      programMemberships { role addedAt program { id name kind } }\n    }\n  }\n": typeof types.UserDetailDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: Role!, $reason: String!) {\n    setUserRole(userId: $userId, role: $role, reason: $reason) { id role status }\n  }\n": typeof types.SetUserRoleDocument,
    "\n  mutation SetAccountStatus($userId: ID!, $status: SettableAccountStatus!, $reason: String!) {\n    setAccountStatus(userId: $userId, status: $status, reason: $reason) { id role status }\n  }\n": typeof types.SetAccountStatusDocument,
    "\n  query MentorApplications($first: Int!, $after: String, $status: ApplicationStatus) {\n    mentorApplications(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          status\n          createdAt\n          decidedAt\n          decisionReason\n          qualifications\n          experience\n          trackRecord\n          motivation\n          applicant { id displayName email }\n          reviewer { id displayName }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.MentorApplicationsDocument,
    "\n  mutation DecideMentorApplication($applicationId: ID!, $approve: Boolean!, $reason: String!) {\n    decideMentorApplication(applicationId: $applicationId, approve: $approve, reason: $reason) {\n      id status decidedAt decisionReason reviewer { id displayName }\n    }\n  }\n": typeof types.DecideMentorApplicationDocument,
    "\n  query PersonSessions($userId: ID!, $first: Int!) {\n    sessions(first: $first, filter: { userId: $userId }) {\n      edges { node { id topic startsAt state priceMinor currency mentor { id displayName } mentee { id displayName } } }\n    }\n  }\n": typeof types.PersonSessionsDocument,
    "\n  query PersonDisputes($first: Int!) {\n    disputes(first: $first) {\n      edges { node { id status reason createdAt sessionId mentor { id } mentee { id } } }\n    }\n  }\n": typeof types.PersonDisputesDocument,
    "\n  query PersonReports($userId: ID!, $last: Int!) {\n    filed: reports(last: $last, filter: { reporterId: $userId }) {\n      edges { node { id createdAt category status decisionReason subject { id displayName } } }\n    }\n    about: reports(last: $last, filter: { subjectId: $userId }) {\n      edges { node { id createdAt category status source decisionReason reporter { id displayName } } }\n    }\n  }\n": typeof types.PersonReportsDocument,
    "\n  fragment WebinarRowFields on Webinar {\n    id\n    title\n    hostId\n    hostName\n    startsAt\n    endsAt\n    capacity\n    status\n    cancelReason\n    registeredCount\n  }\n": typeof types.WebinarRowFieldsFragmentDoc,
    "\n  query Webinars($first: Int!, $after: String, $from: DateTime, $includeCancelled: Boolean) {\n    webinars(first: $first, after: $after, from: $from, includeCancelled: $includeCancelled) {\n      edges { node { ...WebinarRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": typeof types.WebinarsDocument,
    "\n  query Webinar($id: ID!) {\n    webinar(id: $id) {\n      ...WebinarRowFields\n      description\n      programId\n      registrations { userId userName createdAt }\n    }\n  }\n": typeof types.WebinarDocument,
    "\n  mutation CancelWebinar($input: CancelWebinarInput!) {\n    cancelWebinar(input: $input) { ...WebinarRowFields }\n  }\n": typeof types.CancelWebinarDocument,
};
const documents: Documents = {
    "\n  query PersonMatches($first: Int!, $filter: UserFilter) {\n    users(first: $first, filter: $filter) {\n      edges { node { id displayName email role } }\n    }\n  }\n": types.PersonMatchesDocument,
    "\n  query PersonName($id: ID!) {\n    user(id: $id) { id displayName }\n  }\n": types.PersonNameDocument,
    "\n  subscription ViewersOf($subject: PresenceSubject!, $id: ID!) {\n    viewersOf(subject: $subject, id: $id) { userId displayName since }\n  }\n": types.ViewersOfDocument,
    "\n  query StaffSearch($text: String!) {\n    search(text: $text, first: 5) {\n      users { id displayName email role status }\n      sessions { id topic startsAt state mentor { displayName } mentee { displayName } }\n      certificates { id code holderName program { name } }\n      disputes { id reason status mentor { displayName } mentee { displayName } }\n      tickets { id subject status }\n    }\n  }\n": types.StaffSearchDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      user { id displayName role email }\n      permissions { action subject allRows }\n    }\n  }\n": types.ViewerDocument,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorKind\n    actor { id displayName }\n    subjectType\n    subjectId\n    subjectLabel\n    reason\n    before\n    after\n    requestId\n    createdAt\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges { node { ...AuditEntryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AuditLogDocument,
    "\n  subscription AuditEntryAdded {\n    auditEntryAdded { ...AuditEntryFields }\n  }\n": types.AuditEntryAddedDocument,
    "\n  query CertificationPrograms {\n    certificationPrograms {\n      id\n      name\n      description\n      active\n      minCompletedSessions\n      minMilestonesReached\n      minEvaluationScore\n      rubric { key label maxPoints }\n    }\n  }\n": types.CertificationProgramsDocument,
    "\n  query Certificates($first: Int!, $after: String, $menteeId: ID) {\n    certificates(first: $first, after: $after, menteeId: $menteeId) {\n      edges { node { id code holderName issuedAt issuedBy menteeId revokedAt revokeReason program { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.CertificatesDocument,
    "\n  query CertificationProgress($menteeId: ID!, $programId: ID!) {\n    certificationProgress(menteeId: $menteeId, programId: $programId) {\n      met\n      completedSessions\n      requiredSessions\n      milestonesReached\n      requiredMilestones\n      evaluationScore\n      requiredScore\n      evaluations\n    }\n  }\n": types.CertificationProgressDocument,
    "\n  mutation CreateCertificationProgram($input: CreateCertificationProgramInput!) {\n    createCertificationProgram(input: $input) { id name }\n  }\n": types.CreateCertificationProgramDocument,
    "\n  mutation IssueCertificate($input: IssueCertificateInput!) {\n    issueCertificate(input: $input) { id code holderName issuedAt }\n  }\n": types.IssueCertificateDocument,
    "\n  mutation RevokeCertificate($input: RevokeCertificateInput!) {\n    revokeCertificate(input: $input) { id revokedAt revokeReason }\n  }\n": types.RevokeCertificateDocument,
    "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) { code valid status holderName programName issuedAt revokedAt }\n  }\n": types.VerifyCertificateDocument,
    "\n  fragment ForumThreadRowFields on ForumThread {\n    id\n    title\n    authorId\n    authorName\n    locked\n    pinned\n    hidden\n    hiddenReason\n    createdAt\n    lastPostAt\n  }\n": types.ForumThreadRowFieldsFragmentDoc,
    "\n  query ForumCategories {\n    forumCategories { id name description }\n  }\n": types.ForumCategoriesDocument,
    "\n  query ForumCategoryThreads($first: Int!, $after: String) {\n    forumCategories {\n      id\n      name\n      threads(first: $first, after: $after) {\n        edges { node { ...ForumThreadRowFields } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ForumCategoryThreadsDocument,
    "\n  query ForumThread($id: ID!, $first: Int!, $after: String) {\n    forumThread(id: $id) {\n      ...ForumThreadRowFields\n      category { id name }\n      posts(first: $first, after: $after) {\n        edges { node { id authorId authorName body hidden hiddenReason createdAt editedAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n": types.ForumThreadDocument,
    "\n  mutation ModerateForumPost($input: ModerateForumPostInput!) {\n    moderateForumPost(input: $input) { id hidden hiddenReason }\n  }\n": types.ModerateForumPostDocument,
    "\n  mutation ModerateForumThread($input: ModerateForumThreadInput!) {\n    moderateForumThread(input: $input) { ...ForumThreadRowFields }\n  }\n": types.ModerateForumThreadDocument,
    "\n  fragment LibraryItemFields on LibraryItem {\n    id\n    kind\n    status\n    title\n    summary\n    body\n    url\n    tags\n    authorName\n    createdAt\n    updatedAt\n    publishedAt\n    archivedAt\n  }\n": types.LibraryItemFieldsFragmentDoc,
    "\n  query LibraryItems($first: Int!, $after: String, $filter: LibraryFilter) {\n    libraryItems(first: $first, after: $after, filter: $filter) {\n      edges { node { ...LibraryItemFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.LibraryItemsDocument,
    "\n  mutation CreateLibraryItem($input: CreateLibraryItemInput!) {\n    createLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n": types.CreateLibraryItemDocument,
    "\n  mutation UpdateLibraryItem($input: UpdateLibraryItemInput!) {\n    updateLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n": types.UpdateLibraryItemDocument,
    "\n  mutation PublishLibraryItem($input: LibraryItemStatusInput!) {\n    publishLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n": types.PublishLibraryItemDocument,
    "\n  mutation ArchiveLibraryItem($input: LibraryItemStatusInput!) {\n    archiveLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n": types.ArchiveLibraryItemDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token }\n  }\n": types.LogInDocument,
    "\n  fragment MentorshipRowFields on Mentorship {\n    id\n    status\n    programId\n    createdAt\n    activatedAt\n    endedAt\n    mentor { id displayName }\n    mentee { id displayName }\n  }\n": types.MentorshipRowFieldsFragmentDoc,
    "\n  query Mentorships($first: Int!, $after: String, $filter: MentorshipFilter) {\n    mentorships(first: $first, after: $after, filter: $filter) {\n      edges { node { ...MentorshipRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MentorshipsDocument,
    "\n  fragment AgreementFields on MentorshipAgreement {\n    id\n    version\n    status\n    amendsVersion\n    objectives\n    scope\n    startsOn\n    endsOn\n    confidentiality\n    sessionsPerMonth\n    commitmentNote\n    proposedBy\n    proposedAt\n    mentorAcceptedAt\n    menteeAcceptedAt\n    closedAt\n    closeReason\n  }\n": types.AgreementFieldsFragmentDoc,
    "\n  query Mentorship($id: ID!) {\n    mentorship(id: $id) {\n      ...MentorshipRowFields\n      startedBy\n      endReason\n      expiresAt\n      mentorAcceptedAt\n      menteeAcceptedAt\n      progressPercent\n      health { responses averageScore lastScore lowScores unansweredCheckIns }\n      currentAgreement { ...AgreementFields }\n      agreements { ...AgreementFields }\n    }\n  }\n": types.MentorshipDocument,
    "\n  mutation EndMentorship($input: EndMentorshipInput!) {\n    endMentorship(input: $input) { ...MentorshipRowFields endReason }\n  }\n": types.EndMentorshipDocument,
    "\n  query MentorshipChat($mentorshipId: ID!, $first: Int!, $after: String) {\n    mentorship(id: $mentorshipId) { ...MentorshipRowFields }\n    chatMessages(mentorshipId: $mentorshipId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          authorId\n          authorName\n          body\n          hidden\n          hiddenReason\n          createdAt\n          reports { id category status source detectorRule description createdAt reporter { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MentorshipChatDocument,
    "\n  mutation ModerateChatMessage($input: ModerateChatMessageInput!) {\n    moderateChatMessage(input: $input) { id body hidden hiddenReason }\n  }\n": types.ModerateChatMessageDocument,
    "\n  fragment DisputeRowFields on Dispute {\n    id\n    scope\n    status\n    reason\n    openedBy\n    overdue\n    responseDueAt\n    createdAt\n    updatedAt\n    version\n    sessionId\n    outcome\n    mentor { id displayName }\n    mentee { id displayName }\n    assignee { id displayName }\n  }\n": types.DisputeRowFieldsFragmentDoc,
    "\n  query DisputeQueue($first: Int!, $after: String, $filter: DisputeFilter) {\n    disputeQueue(first: $first, after: $after, filter: $filter) {\n      edges { node { ...DisputeRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.DisputeQueueDocument,
    "\n  query ResolvedDisputes($first: Int!, $after: String, $filter: DisputeFilter) {\n    disputes(first: $first, after: $after, filter: $filter) {\n      edges { node { ...DisputeRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ResolvedDisputesDocument,
    "\n  subscription DisputeQueueUpdated {\n    disputeQueueUpdated { id kind }\n  }\n": types.DisputeQueueUpdatedDocument,
    "\n  fragment DisputeDetailFields on Dispute {\n    ...DisputeRowFields\n    evidence\n    partialRefundRequestId\n    resolvedAt\n    resolutionReason\n    outcomeAmount { amountMinor currency }\n    refund { id amount { amountMinor currency } createdAt }\n    messages { id body createdAt visibility author { id displayName } }\n    internalNotes { id body createdAt visibility author { id displayName } }\n    session { id topic startsAt state }\n  }\n": types.DisputeDetailFieldsFragmentDoc,
    "\n  query Dispute($id: ID!) {\n    dispute(id: $id) { ...DisputeDetailFields }\n  }\n": types.DisputeDocument,
    "\n  subscription DisputeUpdated($id: ID!) {\n    disputeUpdated(id: $id) { ...DisputeDetailFields }\n  }\n": types.DisputeUpdatedDocument,
    "\n  query Charge($sessionId: ID!) {\n    charge(sessionId: $sessionId) {\n      id\n      status\n      sessionId\n      amount { amountMinor currency }\n      refunded { amountMinor currency }\n      refundable { amountMinor currency }\n      payer { id displayName }\n      payee { id displayName }\n      refunds { id kind reason createdAt amount { amountMinor currency } }\n    }\n  }\n": types.ChargeDocument,
    "\n  mutation AssignDispute($input: AssignDisputeInput!) {\n    assignDispute(input: $input) { ...DisputeDetailFields }\n  }\n": types.AssignDisputeDocument,
    "\n  mutation AddDisputeNote($input: DisputeNoteInput!) {\n    addDisputeNote(input: $input) { id }\n  }\n": types.AddDisputeNoteDocument,
    "\n  mutation PostDisputeMessage($input: DisputeNoteInput!) {\n    postDisputeMessage(input: $input) { id }\n  }\n": types.PostDisputeMessageDocument,
    "\n  mutation ResolveDispute($input: ResolveDisputeInput!) {\n    resolveDispute(input: $input) { ...DisputeDetailFields }\n  }\n": types.ResolveDisputeDocument,
    "\n  query Refunds($first: Int!, $after: String, $filter: RefundFilter) {\n    refunds(first: $first, after: $after, filter: $filter) {\n      edges { node { id kind reason createdAt sessionId actorKind disputeId amount { amountMinor currency } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.RefundsDocument,
    "\n  query UserSessions($first: Int!, $userId: ID!) {\n    sessions(first: $first, filter: { userId: $userId }) {\n      edges { node { id topic startsAt state priceMinor currency mentor { displayName } mentee { displayName } } }\n    }\n  }\n": types.UserSessionsDocument,
    "\n  mutation IssueRefund($input: IssueRefundInput!) {\n    issueRefund(input: $input) { id kind reason createdAt amount { amountMinor currency } }\n  }\n": types.IssueRefundDocument,
    "\n  query PartialRefundRequests($first: Int!, $after: String, $statuses: [PartialRefundStatus!]) {\n    partialRefundRequests(first: $first, after: $after, statuses: $statuses) {\n      edges {\n        node {\n          id\n          sessionId\n          status\n          reason\n          scheduledMinutes\n          unlapsedMinutes\n          contestDeadline\n          contestedAt\n          contestReason\n          disputeId\n          paidAt\n          createdAt\n          amount { amountMinor currency }\n          price { amountMinor currency }\n          mentor { id displayName }\n          mentee { id displayName }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.PartialRefundRequestsDocument,
    "\n  query RefundSession($id: ID!) {\n    session(id: $id) { id topic state startsAt endsAt }\n  }\n": types.RefundSessionDocument,
    "\n  query OverviewAudit($first: Int!) {\n    auditLog(first: $first) {\n      edges { node { id createdAt actorKind } }\n    }\n  }\n": types.OverviewAuditDocument,
    "\n  query OverviewDailyTotals($days: Int!) {\n    dailyTotals(days: $days) { day sessionsHeld mentorJoins onTimeJoins onTimeRate refunds refunded { currency amountMinor } }\n  }\n": types.OverviewDailyTotalsDocument,
    "\n  query WorkQueues {\n    workQueues { name open overdue unassigned oldestAt nextDueAt }\n  }\n": types.WorkQueuesDocument,
    "\n  fragment PolicyFieldFields on PolicyField {\n    key\n    section\n    sectionLabel\n    label\n    description\n    unit\n    kind\n    min\n    max\n    options { value label }\n  }\n": types.PolicyFieldFieldsFragmentDoc,
    "\n  query PolicyPage {\n    policy { version values }\n    policyFields { ...PolicyFieldFields }\n    policyHistory(limit: 50) {\n      id\n      version\n      reason\n      values\n      createdAt\n      createdBy { id displayName }\n    }\n  }\n": types.PolicyPageDocument,
    "\n  mutation UpdatePolicy($input: UpdatePolicyInput!) {\n    updatePolicy(input: $input) { version values }\n  }\n": types.UpdatePolicyDocument,
    "\n  query PreviewPolicyChange($changes: JSON!) {\n    previewPolicyChange(changes: $changes) {\n      currentVersion\n      changes {\n        aspect\n        current\n        proposed\n        detail\n        user { id displayName email }\n      }\n    }\n  }\n": types.PreviewPolicyChangeDocument,
    "\n  query Programs {\n    programs {\n      id\n      name\n      kind\n      description\n      createdAt\n      members { role addedAt user { id displayName email role } }\n    }\n  }\n": types.ProgramsDocument,
    "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) { id name kind description createdAt members { role addedAt user { id displayName email role } } }\n  }\n": types.CreateProgramDocument,
    "\n  mutation AddProgramMember($programId: ID!, $userId: ID!) {\n    addProgramMember(programId: $programId, userId: $userId) { role addedAt user { id displayName } program { id } }\n  }\n": types.AddProgramMemberDocument,
    "\n  mutation RemoveProgramMember($programId: ID!, $userId: ID!) {\n    removeProgramMember(programId: $programId, userId: $userId)\n  }\n": types.RemoveProgramMemberDocument,
    "\n  query FindUsers($search: String!) {\n    users(first: 8, filter: { search: $search, status: ACTIVE }) {\n      edges { node { id displayName email role } }\n    }\n  }\n": types.FindUsersDocument,
    "\n  query Report($id: ID!) {\n    report(id: $id) { ...ReportFields }\n  }\n": types.ReportDocument,
    "\n  fragment ReportFields on Report {\n    id\n    category\n    status\n    source\n    description\n    detectorRule\n    evidence\n    verifiedBy\n    verification\n    sessionId\n    createdAt\n    decidedAt\n    decisionReason\n    subject { id displayName role status }\n    reporter { id displayName }\n    reviewer { id displayName }\n    enforcement { id kind scope endsAt }\n  }\n": types.ReportFieldsFragmentDoc,
    "\n  query ReportsQueue($first: Int!, $after: String, $filter: ReportFilter) {\n    reports(first: $first, after: $after, filter: $filter) {\n      edges { node { ...ReportFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.ReportsQueueDocument,
    "\n  mutation ReviewReport($input: ReviewReportInput!) {\n    reviewReport(input: $input) { ...ReportFields }\n  }\n": types.ReviewReportDocument,
    "\n  fragment EnforcementFields on Enforcement {\n    id\n    kind\n    scope\n    feature\n    category\n    origin\n    reason\n    startsAt\n    endsAt\n    dropsOutAt\n    appealDeadline\n    overturnedAt\n    overturnReason\n    policyVersion\n    issuedBy { id displayName }\n    program { id name }\n  }\n": types.EnforcementFieldsFragmentDoc,
    "\n  query UserStanding($userId: ID!, $first: Int!) {\n    user(id: $userId) { id displayName email role status }\n    userStanding(userId: $userId) {\n      status\n      nextStep\n      warnings { ...EnforcementFields }\n      activeStrikes { ...EnforcementFields }\n      suspensions { ...EnforcementFields }\n      ban { ...EnforcementFields }\n      appealable { id }\n      complaints { category threshold counted verified upheldUnverified unverifiedPending windowDays }\n    }\n    enforcements(first: $first, filter: { userId: $userId, includeOverturned: true }) {\n      edges { node { ...EnforcementFields } }\n    }\n    reports(first: $first, filter: { subjectId: $userId }) {\n      edges { node { id category status source verification createdAt decisionReason reporter { id displayName } } }\n    }\n  }\n": types.UserStandingDocument,
    "\n  mutation IssueEnforcement($input: IssueEnforcementInput!) {\n    issueEnforcement(input: $input) { ...EnforcementFields }\n  }\n": types.IssueEnforcementDocument,
    "\n  query AppealsQueue($first: Int!, $after: String, $status: AppealStatus) {\n    appeals(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          status\n          statement\n          createdAt\n          decidedAt\n          decisionReason\n          user { id displayName }\n          reviewer { id displayName }\n          enforcement { ...EnforcementFields }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.AppealsQueueDocument,
    "\n  mutation DecideAppeal($input: DecideAppealInput!) {\n    decideAppeal(input: $input) { id status decidedAt decisionReason }\n  }\n": types.DecideAppealDocument,
    "\n  subscription SafetyFeed {\n    safetyFeed { kind id }\n  }\n": types.SafetyFeedDocument,
    "\n  query ReportDecisionPreview($input: ReviewReportInput!) {\n    reportDecisionPreview(input: $input) {\n      reportId\n      decision\n      enforcements { kind scope feature origin reason endsAt }\n      sessionsToCancel {\n        id\n        startsAt\n        mentor { id displayName }\n        mentee { id displayName }\n        refund { amountMinor currency }\n      }\n      refundTotals { amountMinor currency }\n    }\n  }\n": types.ReportDecisionPreviewDocument,
    "\n  fragment BoardSessionFields on Session {\n    id\n    state\n    topic\n    startsAt\n    endsAt\n    durationMinutes\n    liveAt\n    endedAt\n    endedBy\n    endReason\n    mentorJoinedAt\n    menteeJoinedAt\n    mentorLateMinutes\n    mentorNoShow\n    menteeNoShow\n    cancelledAt\n    mentor { id displayName }\n    mentee { id displayName }\n  }\n": types.BoardSessionFieldsFragmentDoc,
    "\n  query LiveBoard($first: Int!, $filter: SessionFilter!) {\n    sessions(first: $first, filter: $filter) {\n      edges { node { ...BoardSessionFields } }\n    }\n  }\n": types.LiveBoardDocument,
    "\n  subscription LiveSessions {\n    liveSessions { ...BoardSessionFields }\n  }\n": types.LiveSessionsDocument,
    "\n  fragment SessionDetailFields on Session {\n    ...BoardSessionFields\n    priceMinor\n    currency\n    policyVersion\n    rescheduleCount\n    unlapsedMinutes\n    cancelledBy\n    cancelReason\n    refundPercent\n    refundDueMinor\n    presence { id userId party kind source at }\n  }\n": types.SessionDetailFieldsFragmentDoc,
    "\n  query SessionDetail($id: ID!) {\n    session(id: $id) { ...SessionDetailFields }\n  }\n": types.SessionDetailDocument,
    "\n  subscription SessionUpdated($id: ID!) {\n    sessionUpdated(id: $id) { ...SessionDetailFields }\n  }\n": types.SessionUpdatedDocument,
    "\n  mutation StaffEndSession($input: EndSessionInput!) {\n    endSession(input: $input) { ...SessionDetailFields }\n  }\n": types.StaffEndSessionDocument,
    "\n  mutation StaffCancelSession($input: CancelSessionInput!) {\n    cancelSession(input: $input) { ...SessionDetailFields }\n  }\n": types.StaffCancelSessionDocument,
    "\n  query SessionDisputes($sessionId: ID!) {\n    disputes(first: 20, filter: { sessionId: $sessionId }) {\n      edges { node { id status reason scope overdue responseDueAt createdAt outcome } }\n    }\n  }\n": types.SessionDisputesDocument,
    "\n  fragment SupportTicketRowFields on SupportTicket {\n    id\n    subject\n    status\n    requesterId\n    requesterName\n    assigneeId\n    assigneeName\n    createdAt\n    updatedAt\n    closedAt\n    closeReason\n  }\n": types.SupportTicketRowFieldsFragmentDoc,
    "\n  query SupportTickets($first: Int!, $after: String, $filter: SupportTicketFilter) {\n    supportTickets(first: $first, after: $after, filter: $filter) {\n      edges { node { ...SupportTicketRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.SupportTicketsDocument,
    "\n  query SupportTicket($id: ID!) {\n    supportTicket(id: $id) {\n      ...SupportTicketRowFields\n      messages { id body fromStaff authorName createdAt }\n    }\n  }\n": types.SupportTicketDocument,
    "\n  mutation ReplyToSupportTicket($input: ReplyToSupportTicketInput!) {\n    replyToSupportTicket(input: $input) {\n      ...SupportTicketRowFields\n      messages { id body fromStaff authorName createdAt }\n    }\n  }\n": types.ReplyToSupportTicketDocument,
    "\n  mutation AssignSupportTicket($input: AssignSupportTicketInput!) {\n    assignSupportTicket(input: $input) { ...SupportTicketRowFields }\n  }\n": types.AssignSupportTicketDocument,
    "\n  mutation CloseSupportTicket($input: CloseSupportTicketInput!) {\n    closeSupportTicket(input: $input) { ...SupportTicketRowFields }\n  }\n": types.CloseSupportTicketDocument,
    "\n  query MentorFeeSummary($mentorId: ID!) {\n    user(id: $mentorId) {\n      id\n      displayName\n      mentorProfile { feeMultiplierBps onTimeStreak }\n    }\n  }\n": types.MentorFeeSummaryDocument,
    "\n  query FeeHistory($mentorId: ID!, $first: Int!, $after: String) {\n    feeMultiplierHistory(mentorId: $mentorId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          fromBps\n          toBps\n          rule\n          reason\n          policyVersion\n          createdAt\n          sessions { id startsAt mentee { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.FeeHistoryDocument,
    "\n  query LateRecords($mentorId: ID!, $first: Int!, $after: String) {\n    lateRecords(mentorId: $mentorId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          lateMinutes\n          noShow\n          penaltyBps\n          recordedAt\n          expiredAt\n          session { id startsAt mentee { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.LateRecordsDocument,
    "\n  query UsersPage($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      edges {\n        node { id displayName email role status createdAt mentorProfile { approved } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.UsersPageDocument,
    "\n  query UserDetail($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n      role\n      status\n      timeZone\n      createdAt\n      mentorProfile { approved approvedAt headline bio expertise hourlyRateMinor currency }\n      programMemberships { role addedAt program { id name kind } }\n    }\n  }\n": types.UserDetailDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: Role!, $reason: String!) {\n    setUserRole(userId: $userId, role: $role, reason: $reason) { id role status }\n  }\n": types.SetUserRoleDocument,
    "\n  mutation SetAccountStatus($userId: ID!, $status: SettableAccountStatus!, $reason: String!) {\n    setAccountStatus(userId: $userId, status: $status, reason: $reason) { id role status }\n  }\n": types.SetAccountStatusDocument,
    "\n  query MentorApplications($first: Int!, $after: String, $status: ApplicationStatus) {\n    mentorApplications(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          status\n          createdAt\n          decidedAt\n          decisionReason\n          qualifications\n          experience\n          trackRecord\n          motivation\n          applicant { id displayName email }\n          reviewer { id displayName }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.MentorApplicationsDocument,
    "\n  mutation DecideMentorApplication($applicationId: ID!, $approve: Boolean!, $reason: String!) {\n    decideMentorApplication(applicationId: $applicationId, approve: $approve, reason: $reason) {\n      id status decidedAt decisionReason reviewer { id displayName }\n    }\n  }\n": types.DecideMentorApplicationDocument,
    "\n  query PersonSessions($userId: ID!, $first: Int!) {\n    sessions(first: $first, filter: { userId: $userId }) {\n      edges { node { id topic startsAt state priceMinor currency mentor { id displayName } mentee { id displayName } } }\n    }\n  }\n": types.PersonSessionsDocument,
    "\n  query PersonDisputes($first: Int!) {\n    disputes(first: $first) {\n      edges { node { id status reason createdAt sessionId mentor { id } mentee { id } } }\n    }\n  }\n": types.PersonDisputesDocument,
    "\n  query PersonReports($userId: ID!, $last: Int!) {\n    filed: reports(last: $last, filter: { reporterId: $userId }) {\n      edges { node { id createdAt category status decisionReason subject { id displayName } } }\n    }\n    about: reports(last: $last, filter: { subjectId: $userId }) {\n      edges { node { id createdAt category status source decisionReason reporter { id displayName } } }\n    }\n  }\n": types.PersonReportsDocument,
    "\n  fragment WebinarRowFields on Webinar {\n    id\n    title\n    hostId\n    hostName\n    startsAt\n    endsAt\n    capacity\n    status\n    cancelReason\n    registeredCount\n  }\n": types.WebinarRowFieldsFragmentDoc,
    "\n  query Webinars($first: Int!, $after: String, $from: DateTime, $includeCancelled: Boolean) {\n    webinars(first: $first, after: $after, from: $from, includeCancelled: $includeCancelled) {\n      edges { node { ...WebinarRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n": types.WebinarsDocument,
    "\n  query Webinar($id: ID!) {\n    webinar(id: $id) {\n      ...WebinarRowFields\n      description\n      programId\n      registrations { userId userName createdAt }\n    }\n  }\n": types.WebinarDocument,
    "\n  mutation CancelWebinar($input: CancelWebinarInput!) {\n    cancelWebinar(input: $input) { ...WebinarRowFields }\n  }\n": types.CancelWebinarDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonMatches($first: Int!, $filter: UserFilter) {\n    users(first: $first, filter: $filter) {\n      edges { node { id displayName email role } }\n    }\n  }\n"): (typeof documents)["\n  query PersonMatches($first: Int!, $filter: UserFilter) {\n    users(first: $first, filter: $filter) {\n      edges { node { id displayName email role } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonName($id: ID!) {\n    user(id: $id) { id displayName }\n  }\n"): (typeof documents)["\n  query PersonName($id: ID!) {\n    user(id: $id) { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ViewersOf($subject: PresenceSubject!, $id: ID!) {\n    viewersOf(subject: $subject, id: $id) { userId displayName since }\n  }\n"): (typeof documents)["\n  subscription ViewersOf($subject: PresenceSubject!, $id: ID!) {\n    viewersOf(subject: $subject, id: $id) { userId displayName since }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaffSearch($text: String!) {\n    search(text: $text, first: 5) {\n      users { id displayName email role status }\n      sessions { id topic startsAt state mentor { displayName } mentee { displayName } }\n      certificates { id code holderName program { name } }\n      disputes { id reason status mentor { displayName } mentee { displayName } }\n      tickets { id subject status }\n    }\n  }\n"): (typeof documents)["\n  query StaffSearch($text: String!) {\n    search(text: $text, first: 5) {\n      users { id displayName email role status }\n      sessions { id topic startsAt state mentor { displayName } mentee { displayName } }\n      certificates { id code holderName program { name } }\n      disputes { id reason status mentor { displayName } mentee { displayName } }\n      tickets { id subject status }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      user { id displayName role email }\n      permissions { action subject allRows }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n      user { id displayName role email }\n      permissions { action subject allRows }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorKind\n    actor { id displayName }\n    subjectType\n    subjectId\n    subjectLabel\n    reason\n    before\n    after\n    requestId\n    createdAt\n  }\n"): (typeof documents)["\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorKind\n    actor { id displayName }\n    subjectType\n    subjectId\n    subjectLabel\n    reason\n    before\n    after\n    requestId\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges { node { ...AuditEntryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n    auditLog(first: $first, after: $after, filter: $filter) {\n      edges { node { ...AuditEntryFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AuditEntryAdded {\n    auditEntryAdded { ...AuditEntryFields }\n  }\n"): (typeof documents)["\n  subscription AuditEntryAdded {\n    auditEntryAdded { ...AuditEntryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificationPrograms {\n    certificationPrograms {\n      id\n      name\n      description\n      active\n      minCompletedSessions\n      minMilestonesReached\n      minEvaluationScore\n      rubric { key label maxPoints }\n    }\n  }\n"): (typeof documents)["\n  query CertificationPrograms {\n    certificationPrograms {\n      id\n      name\n      description\n      active\n      minCompletedSessions\n      minMilestonesReached\n      minEvaluationScore\n      rubric { key label maxPoints }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Certificates($first: Int!, $after: String, $menteeId: ID) {\n    certificates(first: $first, after: $after, menteeId: $menteeId) {\n      edges { node { id code holderName issuedAt issuedBy menteeId revokedAt revokeReason program { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Certificates($first: Int!, $after: String, $menteeId: ID) {\n    certificates(first: $first, after: $after, menteeId: $menteeId) {\n      edges { node { id code holderName issuedAt issuedBy menteeId revokedAt revokeReason program { id name } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CertificationProgress($menteeId: ID!, $programId: ID!) {\n    certificationProgress(menteeId: $menteeId, programId: $programId) {\n      met\n      completedSessions\n      requiredSessions\n      milestonesReached\n      requiredMilestones\n      evaluationScore\n      requiredScore\n      evaluations\n    }\n  }\n"): (typeof documents)["\n  query CertificationProgress($menteeId: ID!, $programId: ID!) {\n    certificationProgress(menteeId: $menteeId, programId: $programId) {\n      met\n      completedSessions\n      requiredSessions\n      milestonesReached\n      requiredMilestones\n      evaluationScore\n      requiredScore\n      evaluations\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCertificationProgram($input: CreateCertificationProgramInput!) {\n    createCertificationProgram(input: $input) { id name }\n  }\n"): (typeof documents)["\n  mutation CreateCertificationProgram($input: CreateCertificationProgramInput!) {\n    createCertificationProgram(input: $input) { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueCertificate($input: IssueCertificateInput!) {\n    issueCertificate(input: $input) { id code holderName issuedAt }\n  }\n"): (typeof documents)["\n  mutation IssueCertificate($input: IssueCertificateInput!) {\n    issueCertificate(input: $input) { id code holderName issuedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeCertificate($input: RevokeCertificateInput!) {\n    revokeCertificate(input: $input) { id revokedAt revokeReason }\n  }\n"): (typeof documents)["\n  mutation RevokeCertificate($input: RevokeCertificateInput!) {\n    revokeCertificate(input: $input) { id revokedAt revokeReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) { code valid status holderName programName issuedAt revokedAt }\n  }\n"): (typeof documents)["\n  query VerifyCertificate($code: String!) {\n    verifyCertificate(code: $code) { code valid status holderName programName issuedAt revokedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ForumThreadRowFields on ForumThread {\n    id\n    title\n    authorId\n    authorName\n    locked\n    pinned\n    hidden\n    hiddenReason\n    createdAt\n    lastPostAt\n  }\n"): (typeof documents)["\n  fragment ForumThreadRowFields on ForumThread {\n    id\n    title\n    authorId\n    authorName\n    locked\n    pinned\n    hidden\n    hiddenReason\n    createdAt\n    lastPostAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumCategories {\n    forumCategories { id name description }\n  }\n"): (typeof documents)["\n  query ForumCategories {\n    forumCategories { id name description }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumCategoryThreads($first: Int!, $after: String) {\n    forumCategories {\n      id\n      name\n      threads(first: $first, after: $after) {\n        edges { node { ...ForumThreadRowFields } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ForumCategoryThreads($first: Int!, $after: String) {\n    forumCategories {\n      id\n      name\n      threads(first: $first, after: $after) {\n        edges { node { ...ForumThreadRowFields } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ForumThread($id: ID!, $first: Int!, $after: String) {\n    forumThread(id: $id) {\n      ...ForumThreadRowFields\n      category { id name }\n      posts(first: $first, after: $after) {\n        edges { node { id authorId authorName body hidden hiddenReason createdAt editedAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ForumThread($id: ID!, $first: Int!, $after: String) {\n    forumThread(id: $id) {\n      ...ForumThreadRowFields\n      category { id name }\n      posts(first: $first, after: $after) {\n        edges { node { id authorId authorName body hidden hiddenReason createdAt editedAt } }\n        pageInfo { hasNextPage endCursor }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ModerateForumPost($input: ModerateForumPostInput!) {\n    moderateForumPost(input: $input) { id hidden hiddenReason }\n  }\n"): (typeof documents)["\n  mutation ModerateForumPost($input: ModerateForumPostInput!) {\n    moderateForumPost(input: $input) { id hidden hiddenReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ModerateForumThread($input: ModerateForumThreadInput!) {\n    moderateForumThread(input: $input) { ...ForumThreadRowFields }\n  }\n"): (typeof documents)["\n  mutation ModerateForumThread($input: ModerateForumThreadInput!) {\n    moderateForumThread(input: $input) { ...ForumThreadRowFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LibraryItemFields on LibraryItem {\n    id\n    kind\n    status\n    title\n    summary\n    body\n    url\n    tags\n    authorName\n    createdAt\n    updatedAt\n    publishedAt\n    archivedAt\n  }\n"): (typeof documents)["\n  fragment LibraryItemFields on LibraryItem {\n    id\n    kind\n    status\n    title\n    summary\n    body\n    url\n    tags\n    authorName\n    createdAt\n    updatedAt\n    publishedAt\n    archivedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LibraryItems($first: Int!, $after: String, $filter: LibraryFilter) {\n    libraryItems(first: $first, after: $after, filter: $filter) {\n      edges { node { ...LibraryItemFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query LibraryItems($first: Int!, $after: String, $filter: LibraryFilter) {\n    libraryItems(first: $first, after: $after, filter: $filter) {\n      edges { node { ...LibraryItemFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateLibraryItem($input: CreateLibraryItemInput!) {\n    createLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n"): (typeof documents)["\n  mutation CreateLibraryItem($input: CreateLibraryItemInput!) {\n    createLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLibraryItem($input: UpdateLibraryItemInput!) {\n    updateLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n"): (typeof documents)["\n  mutation UpdateLibraryItem($input: UpdateLibraryItemInput!) {\n    updateLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishLibraryItem($input: LibraryItemStatusInput!) {\n    publishLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n"): (typeof documents)["\n  mutation PublishLibraryItem($input: LibraryItemStatusInput!) {\n    publishLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveLibraryItem($input: LibraryItemStatusInput!) {\n    archiveLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n"): (typeof documents)["\n  mutation ArchiveLibraryItem($input: LibraryItemStatusInput!) {\n    archiveLibraryItem(input: $input) { ...LibraryItemFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) { token }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MentorshipRowFields on Mentorship {\n    id\n    status\n    programId\n    createdAt\n    activatedAt\n    endedAt\n    mentor { id displayName }\n    mentee { id displayName }\n  }\n"): (typeof documents)["\n  fragment MentorshipRowFields on Mentorship {\n    id\n    status\n    programId\n    createdAt\n    activatedAt\n    endedAt\n    mentor { id displayName }\n    mentee { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Mentorships($first: Int!, $after: String, $filter: MentorshipFilter) {\n    mentorships(first: $first, after: $after, filter: $filter) {\n      edges { node { ...MentorshipRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Mentorships($first: Int!, $after: String, $filter: MentorshipFilter) {\n    mentorships(first: $first, after: $after, filter: $filter) {\n      edges { node { ...MentorshipRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AgreementFields on MentorshipAgreement {\n    id\n    version\n    status\n    amendsVersion\n    objectives\n    scope\n    startsOn\n    endsOn\n    confidentiality\n    sessionsPerMonth\n    commitmentNote\n    proposedBy\n    proposedAt\n    mentorAcceptedAt\n    menteeAcceptedAt\n    closedAt\n    closeReason\n  }\n"): (typeof documents)["\n  fragment AgreementFields on MentorshipAgreement {\n    id\n    version\n    status\n    amendsVersion\n    objectives\n    scope\n    startsOn\n    endsOn\n    confidentiality\n    sessionsPerMonth\n    commitmentNote\n    proposedBy\n    proposedAt\n    mentorAcceptedAt\n    menteeAcceptedAt\n    closedAt\n    closeReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Mentorship($id: ID!) {\n    mentorship(id: $id) {\n      ...MentorshipRowFields\n      startedBy\n      endReason\n      expiresAt\n      mentorAcceptedAt\n      menteeAcceptedAt\n      progressPercent\n      health { responses averageScore lastScore lowScores unansweredCheckIns }\n      currentAgreement { ...AgreementFields }\n      agreements { ...AgreementFields }\n    }\n  }\n"): (typeof documents)["\n  query Mentorship($id: ID!) {\n    mentorship(id: $id) {\n      ...MentorshipRowFields\n      startedBy\n      endReason\n      expiresAt\n      mentorAcceptedAt\n      menteeAcceptedAt\n      progressPercent\n      health { responses averageScore lastScore lowScores unansweredCheckIns }\n      currentAgreement { ...AgreementFields }\n      agreements { ...AgreementFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndMentorship($input: EndMentorshipInput!) {\n    endMentorship(input: $input) { ...MentorshipRowFields endReason }\n  }\n"): (typeof documents)["\n  mutation EndMentorship($input: EndMentorshipInput!) {\n    endMentorship(input: $input) { ...MentorshipRowFields endReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentorshipChat($mentorshipId: ID!, $first: Int!, $after: String) {\n    mentorship(id: $mentorshipId) { ...MentorshipRowFields }\n    chatMessages(mentorshipId: $mentorshipId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          authorId\n          authorName\n          body\n          hidden\n          hiddenReason\n          createdAt\n          reports { id category status source detectorRule description createdAt reporter { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query MentorshipChat($mentorshipId: ID!, $first: Int!, $after: String) {\n    mentorship(id: $mentorshipId) { ...MentorshipRowFields }\n    chatMessages(mentorshipId: $mentorshipId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          authorId\n          authorName\n          body\n          hidden\n          hiddenReason\n          createdAt\n          reports { id category status source detectorRule description createdAt reporter { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ModerateChatMessage($input: ModerateChatMessageInput!) {\n    moderateChatMessage(input: $input) { id body hidden hiddenReason }\n  }\n"): (typeof documents)["\n  mutation ModerateChatMessage($input: ModerateChatMessageInput!) {\n    moderateChatMessage(input: $input) { id body hidden hiddenReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DisputeRowFields on Dispute {\n    id\n    scope\n    status\n    reason\n    openedBy\n    overdue\n    responseDueAt\n    createdAt\n    updatedAt\n    version\n    sessionId\n    outcome\n    mentor { id displayName }\n    mentee { id displayName }\n    assignee { id displayName }\n  }\n"): (typeof documents)["\n  fragment DisputeRowFields on Dispute {\n    id\n    scope\n    status\n    reason\n    openedBy\n    overdue\n    responseDueAt\n    createdAt\n    updatedAt\n    version\n    sessionId\n    outcome\n    mentor { id displayName }\n    mentee { id displayName }\n    assignee { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DisputeQueue($first: Int!, $after: String, $filter: DisputeFilter) {\n    disputeQueue(first: $first, after: $after, filter: $filter) {\n      edges { node { ...DisputeRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query DisputeQueue($first: Int!, $after: String, $filter: DisputeFilter) {\n    disputeQueue(first: $first, after: $after, filter: $filter) {\n      edges { node { ...DisputeRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResolvedDisputes($first: Int!, $after: String, $filter: DisputeFilter) {\n    disputes(first: $first, after: $after, filter: $filter) {\n      edges { node { ...DisputeRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ResolvedDisputes($first: Int!, $after: String, $filter: DisputeFilter) {\n    disputes(first: $first, after: $after, filter: $filter) {\n      edges { node { ...DisputeRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DisputeQueueUpdated {\n    disputeQueueUpdated { id kind }\n  }\n"): (typeof documents)["\n  subscription DisputeQueueUpdated {\n    disputeQueueUpdated { id kind }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DisputeDetailFields on Dispute {\n    ...DisputeRowFields\n    evidence\n    partialRefundRequestId\n    resolvedAt\n    resolutionReason\n    outcomeAmount { amountMinor currency }\n    refund { id amount { amountMinor currency } createdAt }\n    messages { id body createdAt visibility author { id displayName } }\n    internalNotes { id body createdAt visibility author { id displayName } }\n    session { id topic startsAt state }\n  }\n"): (typeof documents)["\n  fragment DisputeDetailFields on Dispute {\n    ...DisputeRowFields\n    evidence\n    partialRefundRequestId\n    resolvedAt\n    resolutionReason\n    outcomeAmount { amountMinor currency }\n    refund { id amount { amountMinor currency } createdAt }\n    messages { id body createdAt visibility author { id displayName } }\n    internalNotes { id body createdAt visibility author { id displayName } }\n    session { id topic startsAt state }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dispute($id: ID!) {\n    dispute(id: $id) { ...DisputeDetailFields }\n  }\n"): (typeof documents)["\n  query Dispute($id: ID!) {\n    dispute(id: $id) { ...DisputeDetailFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DisputeUpdated($id: ID!) {\n    disputeUpdated(id: $id) { ...DisputeDetailFields }\n  }\n"): (typeof documents)["\n  subscription DisputeUpdated($id: ID!) {\n    disputeUpdated(id: $id) { ...DisputeDetailFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Charge($sessionId: ID!) {\n    charge(sessionId: $sessionId) {\n      id\n      status\n      sessionId\n      amount { amountMinor currency }\n      refunded { amountMinor currency }\n      refundable { amountMinor currency }\n      payer { id displayName }\n      payee { id displayName }\n      refunds { id kind reason createdAt amount { amountMinor currency } }\n    }\n  }\n"): (typeof documents)["\n  query Charge($sessionId: ID!) {\n    charge(sessionId: $sessionId) {\n      id\n      status\n      sessionId\n      amount { amountMinor currency }\n      refunded { amountMinor currency }\n      refundable { amountMinor currency }\n      payer { id displayName }\n      payee { id displayName }\n      refunds { id kind reason createdAt amount { amountMinor currency } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignDispute($input: AssignDisputeInput!) {\n    assignDispute(input: $input) { ...DisputeDetailFields }\n  }\n"): (typeof documents)["\n  mutation AssignDispute($input: AssignDisputeInput!) {\n    assignDispute(input: $input) { ...DisputeDetailFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddDisputeNote($input: DisputeNoteInput!) {\n    addDisputeNote(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation AddDisputeNote($input: DisputeNoteInput!) {\n    addDisputeNote(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostDisputeMessage($input: DisputeNoteInput!) {\n    postDisputeMessage(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation PostDisputeMessage($input: DisputeNoteInput!) {\n    postDisputeMessage(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveDispute($input: ResolveDisputeInput!) {\n    resolveDispute(input: $input) { ...DisputeDetailFields }\n  }\n"): (typeof documents)["\n  mutation ResolveDispute($input: ResolveDisputeInput!) {\n    resolveDispute(input: $input) { ...DisputeDetailFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Refunds($first: Int!, $after: String, $filter: RefundFilter) {\n    refunds(first: $first, after: $after, filter: $filter) {\n      edges { node { id kind reason createdAt sessionId actorKind disputeId amount { amountMinor currency } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Refunds($first: Int!, $after: String, $filter: RefundFilter) {\n    refunds(first: $first, after: $after, filter: $filter) {\n      edges { node { id kind reason createdAt sessionId actorKind disputeId amount { amountMinor currency } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserSessions($first: Int!, $userId: ID!) {\n    sessions(first: $first, filter: { userId: $userId }) {\n      edges { node { id topic startsAt state priceMinor currency mentor { displayName } mentee { displayName } } }\n    }\n  }\n"): (typeof documents)["\n  query UserSessions($first: Int!, $userId: ID!) {\n    sessions(first: $first, filter: { userId: $userId }) {\n      edges { node { id topic startsAt state priceMinor currency mentor { displayName } mentee { displayName } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueRefund($input: IssueRefundInput!) {\n    issueRefund(input: $input) { id kind reason createdAt amount { amountMinor currency } }\n  }\n"): (typeof documents)["\n  mutation IssueRefund($input: IssueRefundInput!) {\n    issueRefund(input: $input) { id kind reason createdAt amount { amountMinor currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartialRefundRequests($first: Int!, $after: String, $statuses: [PartialRefundStatus!]) {\n    partialRefundRequests(first: $first, after: $after, statuses: $statuses) {\n      edges {\n        node {\n          id\n          sessionId\n          status\n          reason\n          scheduledMinutes\n          unlapsedMinutes\n          contestDeadline\n          contestedAt\n          contestReason\n          disputeId\n          paidAt\n          createdAt\n          amount { amountMinor currency }\n          price { amountMinor currency }\n          mentor { id displayName }\n          mentee { id displayName }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query PartialRefundRequests($first: Int!, $after: String, $statuses: [PartialRefundStatus!]) {\n    partialRefundRequests(first: $first, after: $after, statuses: $statuses) {\n      edges {\n        node {\n          id\n          sessionId\n          status\n          reason\n          scheduledMinutes\n          unlapsedMinutes\n          contestDeadline\n          contestedAt\n          contestReason\n          disputeId\n          paidAt\n          createdAt\n          amount { amountMinor currency }\n          price { amountMinor currency }\n          mentor { id displayName }\n          mentee { id displayName }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefundSession($id: ID!) {\n    session(id: $id) { id topic state startsAt endsAt }\n  }\n"): (typeof documents)["\n  query RefundSession($id: ID!) {\n    session(id: $id) { id topic state startsAt endsAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewAudit($first: Int!) {\n    auditLog(first: $first) {\n      edges { node { id createdAt actorKind } }\n    }\n  }\n"): (typeof documents)["\n  query OverviewAudit($first: Int!) {\n    auditLog(first: $first) {\n      edges { node { id createdAt actorKind } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OverviewDailyTotals($days: Int!) {\n    dailyTotals(days: $days) { day sessionsHeld mentorJoins onTimeJoins onTimeRate refunds refunded { currency amountMinor } }\n  }\n"): (typeof documents)["\n  query OverviewDailyTotals($days: Int!) {\n    dailyTotals(days: $days) { day sessionsHeld mentorJoins onTimeJoins onTimeRate refunds refunded { currency amountMinor } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkQueues {\n    workQueues { name open overdue unassigned oldestAt nextDueAt }\n  }\n"): (typeof documents)["\n  query WorkQueues {\n    workQueues { name open overdue unassigned oldestAt nextDueAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PolicyFieldFields on PolicyField {\n    key\n    section\n    sectionLabel\n    label\n    description\n    unit\n    kind\n    min\n    max\n    options { value label }\n  }\n"): (typeof documents)["\n  fragment PolicyFieldFields on PolicyField {\n    key\n    section\n    sectionLabel\n    label\n    description\n    unit\n    kind\n    min\n    max\n    options { value label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyPage {\n    policy { version values }\n    policyFields { ...PolicyFieldFields }\n    policyHistory(limit: 50) {\n      id\n      version\n      reason\n      values\n      createdAt\n      createdBy { id displayName }\n    }\n  }\n"): (typeof documents)["\n  query PolicyPage {\n    policy { version values }\n    policyFields { ...PolicyFieldFields }\n    policyHistory(limit: 50) {\n      id\n      version\n      reason\n      values\n      createdAt\n      createdBy { id displayName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePolicy($input: UpdatePolicyInput!) {\n    updatePolicy(input: $input) { version values }\n  }\n"): (typeof documents)["\n  mutation UpdatePolicy($input: UpdatePolicyInput!) {\n    updatePolicy(input: $input) { version values }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewPolicyChange($changes: JSON!) {\n    previewPolicyChange(changes: $changes) {\n      currentVersion\n      changes {\n        aspect\n        current\n        proposed\n        detail\n        user { id displayName email }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PreviewPolicyChange($changes: JSON!) {\n    previewPolicyChange(changes: $changes) {\n      currentVersion\n      changes {\n        aspect\n        current\n        proposed\n        detail\n        user { id displayName email }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Programs {\n    programs {\n      id\n      name\n      kind\n      description\n      createdAt\n      members { role addedAt user { id displayName email role } }\n    }\n  }\n"): (typeof documents)["\n  query Programs {\n    programs {\n      id\n      name\n      kind\n      description\n      createdAt\n      members { role addedAt user { id displayName email role } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) { id name kind description createdAt members { role addedAt user { id displayName email role } } }\n  }\n"): (typeof documents)["\n  mutation CreateProgram($input: CreateProgramInput!) {\n    createProgram(input: $input) { id name kind description createdAt members { role addedAt user { id displayName email role } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddProgramMember($programId: ID!, $userId: ID!) {\n    addProgramMember(programId: $programId, userId: $userId) { role addedAt user { id displayName } program { id } }\n  }\n"): (typeof documents)["\n  mutation AddProgramMember($programId: ID!, $userId: ID!) {\n    addProgramMember(programId: $programId, userId: $userId) { role addedAt user { id displayName } program { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveProgramMember($programId: ID!, $userId: ID!) {\n    removeProgramMember(programId: $programId, userId: $userId)\n  }\n"): (typeof documents)["\n  mutation RemoveProgramMember($programId: ID!, $userId: ID!) {\n    removeProgramMember(programId: $programId, userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FindUsers($search: String!) {\n    users(first: 8, filter: { search: $search, status: ACTIVE }) {\n      edges { node { id displayName email role } }\n    }\n  }\n"): (typeof documents)["\n  query FindUsers($search: String!) {\n    users(first: 8, filter: { search: $search, status: ACTIVE }) {\n      edges { node { id displayName email role } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Report($id: ID!) {\n    report(id: $id) { ...ReportFields }\n  }\n"): (typeof documents)["\n  query Report($id: ID!) {\n    report(id: $id) { ...ReportFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportFields on Report {\n    id\n    category\n    status\n    source\n    description\n    detectorRule\n    evidence\n    verifiedBy\n    verification\n    sessionId\n    createdAt\n    decidedAt\n    decisionReason\n    subject { id displayName role status }\n    reporter { id displayName }\n    reviewer { id displayName }\n    enforcement { id kind scope endsAt }\n  }\n"): (typeof documents)["\n  fragment ReportFields on Report {\n    id\n    category\n    status\n    source\n    description\n    detectorRule\n    evidence\n    verifiedBy\n    verification\n    sessionId\n    createdAt\n    decidedAt\n    decisionReason\n    subject { id displayName role status }\n    reporter { id displayName }\n    reviewer { id displayName }\n    enforcement { id kind scope endsAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportsQueue($first: Int!, $after: String, $filter: ReportFilter) {\n    reports(first: $first, after: $after, filter: $filter) {\n      edges { node { ...ReportFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query ReportsQueue($first: Int!, $after: String, $filter: ReportFilter) {\n    reports(first: $first, after: $after, filter: $filter) {\n      edges { node { ...ReportFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewReport($input: ReviewReportInput!) {\n    reviewReport(input: $input) { ...ReportFields }\n  }\n"): (typeof documents)["\n  mutation ReviewReport($input: ReviewReportInput!) {\n    reviewReport(input: $input) { ...ReportFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EnforcementFields on Enforcement {\n    id\n    kind\n    scope\n    feature\n    category\n    origin\n    reason\n    startsAt\n    endsAt\n    dropsOutAt\n    appealDeadline\n    overturnedAt\n    overturnReason\n    policyVersion\n    issuedBy { id displayName }\n    program { id name }\n  }\n"): (typeof documents)["\n  fragment EnforcementFields on Enforcement {\n    id\n    kind\n    scope\n    feature\n    category\n    origin\n    reason\n    startsAt\n    endsAt\n    dropsOutAt\n    appealDeadline\n    overturnedAt\n    overturnReason\n    policyVersion\n    issuedBy { id displayName }\n    program { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserStanding($userId: ID!, $first: Int!) {\n    user(id: $userId) { id displayName email role status }\n    userStanding(userId: $userId) {\n      status\n      nextStep\n      warnings { ...EnforcementFields }\n      activeStrikes { ...EnforcementFields }\n      suspensions { ...EnforcementFields }\n      ban { ...EnforcementFields }\n      appealable { id }\n      complaints { category threshold counted verified upheldUnverified unverifiedPending windowDays }\n    }\n    enforcements(first: $first, filter: { userId: $userId, includeOverturned: true }) {\n      edges { node { ...EnforcementFields } }\n    }\n    reports(first: $first, filter: { subjectId: $userId }) {\n      edges { node { id category status source verification createdAt decisionReason reporter { id displayName } } }\n    }\n  }\n"): (typeof documents)["\n  query UserStanding($userId: ID!, $first: Int!) {\n    user(id: $userId) { id displayName email role status }\n    userStanding(userId: $userId) {\n      status\n      nextStep\n      warnings { ...EnforcementFields }\n      activeStrikes { ...EnforcementFields }\n      suspensions { ...EnforcementFields }\n      ban { ...EnforcementFields }\n      appealable { id }\n      complaints { category threshold counted verified upheldUnverified unverifiedPending windowDays }\n    }\n    enforcements(first: $first, filter: { userId: $userId, includeOverturned: true }) {\n      edges { node { ...EnforcementFields } }\n    }\n    reports(first: $first, filter: { subjectId: $userId }) {\n      edges { node { id category status source verification createdAt decisionReason reporter { id displayName } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueEnforcement($input: IssueEnforcementInput!) {\n    issueEnforcement(input: $input) { ...EnforcementFields }\n  }\n"): (typeof documents)["\n  mutation IssueEnforcement($input: IssueEnforcementInput!) {\n    issueEnforcement(input: $input) { ...EnforcementFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AppealsQueue($first: Int!, $after: String, $status: AppealStatus) {\n    appeals(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          status\n          statement\n          createdAt\n          decidedAt\n          decisionReason\n          user { id displayName }\n          reviewer { id displayName }\n          enforcement { ...EnforcementFields }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query AppealsQueue($first: Int!, $after: String, $status: AppealStatus) {\n    appeals(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          status\n          statement\n          createdAt\n          decidedAt\n          decisionReason\n          user { id displayName }\n          reviewer { id displayName }\n          enforcement { ...EnforcementFields }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideAppeal($input: DecideAppealInput!) {\n    decideAppeal(input: $input) { id status decidedAt decisionReason }\n  }\n"): (typeof documents)["\n  mutation DecideAppeal($input: DecideAppealInput!) {\n    decideAppeal(input: $input) { id status decidedAt decisionReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SafetyFeed {\n    safetyFeed { kind id }\n  }\n"): (typeof documents)["\n  subscription SafetyFeed {\n    safetyFeed { kind id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportDecisionPreview($input: ReviewReportInput!) {\n    reportDecisionPreview(input: $input) {\n      reportId\n      decision\n      enforcements { kind scope feature origin reason endsAt }\n      sessionsToCancel {\n        id\n        startsAt\n        mentor { id displayName }\n        mentee { id displayName }\n        refund { amountMinor currency }\n      }\n      refundTotals { amountMinor currency }\n    }\n  }\n"): (typeof documents)["\n  query ReportDecisionPreview($input: ReviewReportInput!) {\n    reportDecisionPreview(input: $input) {\n      reportId\n      decision\n      enforcements { kind scope feature origin reason endsAt }\n      sessionsToCancel {\n        id\n        startsAt\n        mentor { id displayName }\n        mentee { id displayName }\n        refund { amountMinor currency }\n      }\n      refundTotals { amountMinor currency }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BoardSessionFields on Session {\n    id\n    state\n    topic\n    startsAt\n    endsAt\n    durationMinutes\n    liveAt\n    endedAt\n    endedBy\n    endReason\n    mentorJoinedAt\n    menteeJoinedAt\n    mentorLateMinutes\n    mentorNoShow\n    menteeNoShow\n    cancelledAt\n    mentor { id displayName }\n    mentee { id displayName }\n  }\n"): (typeof documents)["\n  fragment BoardSessionFields on Session {\n    id\n    state\n    topic\n    startsAt\n    endsAt\n    durationMinutes\n    liveAt\n    endedAt\n    endedBy\n    endReason\n    mentorJoinedAt\n    menteeJoinedAt\n    mentorLateMinutes\n    mentorNoShow\n    menteeNoShow\n    cancelledAt\n    mentor { id displayName }\n    mentee { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveBoard($first: Int!, $filter: SessionFilter!) {\n    sessions(first: $first, filter: $filter) {\n      edges { node { ...BoardSessionFields } }\n    }\n  }\n"): (typeof documents)["\n  query LiveBoard($first: Int!, $filter: SessionFilter!) {\n    sessions(first: $first, filter: $filter) {\n      edges { node { ...BoardSessionFields } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveSessions {\n    liveSessions { ...BoardSessionFields }\n  }\n"): (typeof documents)["\n  subscription LiveSessions {\n    liveSessions { ...BoardSessionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SessionDetailFields on Session {\n    ...BoardSessionFields\n    priceMinor\n    currency\n    policyVersion\n    rescheduleCount\n    unlapsedMinutes\n    cancelledBy\n    cancelReason\n    refundPercent\n    refundDueMinor\n    presence { id userId party kind source at }\n  }\n"): (typeof documents)["\n  fragment SessionDetailFields on Session {\n    ...BoardSessionFields\n    priceMinor\n    currency\n    policyVersion\n    rescheduleCount\n    unlapsedMinutes\n    cancelledBy\n    cancelReason\n    refundPercent\n    refundDueMinor\n    presence { id userId party kind source at }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionDetail($id: ID!) {\n    session(id: $id) { ...SessionDetailFields }\n  }\n"): (typeof documents)["\n  query SessionDetail($id: ID!) {\n    session(id: $id) { ...SessionDetailFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SessionUpdated($id: ID!) {\n    sessionUpdated(id: $id) { ...SessionDetailFields }\n  }\n"): (typeof documents)["\n  subscription SessionUpdated($id: ID!) {\n    sessionUpdated(id: $id) { ...SessionDetailFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffEndSession($input: EndSessionInput!) {\n    endSession(input: $input) { ...SessionDetailFields }\n  }\n"): (typeof documents)["\n  mutation StaffEndSession($input: EndSessionInput!) {\n    endSession(input: $input) { ...SessionDetailFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaffCancelSession($input: CancelSessionInput!) {\n    cancelSession(input: $input) { ...SessionDetailFields }\n  }\n"): (typeof documents)["\n  mutation StaffCancelSession($input: CancelSessionInput!) {\n    cancelSession(input: $input) { ...SessionDetailFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SessionDisputes($sessionId: ID!) {\n    disputes(first: 20, filter: { sessionId: $sessionId }) {\n      edges { node { id status reason scope overdue responseDueAt createdAt outcome } }\n    }\n  }\n"): (typeof documents)["\n  query SessionDisputes($sessionId: ID!) {\n    disputes(first: 20, filter: { sessionId: $sessionId }) {\n      edges { node { id status reason scope overdue responseDueAt createdAt outcome } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupportTicketRowFields on SupportTicket {\n    id\n    subject\n    status\n    requesterId\n    requesterName\n    assigneeId\n    assigneeName\n    createdAt\n    updatedAt\n    closedAt\n    closeReason\n  }\n"): (typeof documents)["\n  fragment SupportTicketRowFields on SupportTicket {\n    id\n    subject\n    status\n    requesterId\n    requesterName\n    assigneeId\n    assigneeName\n    createdAt\n    updatedAt\n    closedAt\n    closeReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportTickets($first: Int!, $after: String, $filter: SupportTicketFilter) {\n    supportTickets(first: $first, after: $after, filter: $filter) {\n      edges { node { ...SupportTicketRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query SupportTickets($first: Int!, $after: String, $filter: SupportTicketFilter) {\n    supportTickets(first: $first, after: $after, filter: $filter) {\n      edges { node { ...SupportTicketRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupportTicket($id: ID!) {\n    supportTicket(id: $id) {\n      ...SupportTicketRowFields\n      messages { id body fromStaff authorName createdAt }\n    }\n  }\n"): (typeof documents)["\n  query SupportTicket($id: ID!) {\n    supportTicket(id: $id) {\n      ...SupportTicketRowFields\n      messages { id body fromStaff authorName createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToSupportTicket($input: ReplyToSupportTicketInput!) {\n    replyToSupportTicket(input: $input) {\n      ...SupportTicketRowFields\n      messages { id body fromStaff authorName createdAt }\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToSupportTicket($input: ReplyToSupportTicketInput!) {\n    replyToSupportTicket(input: $input) {\n      ...SupportTicketRowFields\n      messages { id body fromStaff authorName createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignSupportTicket($input: AssignSupportTicketInput!) {\n    assignSupportTicket(input: $input) { ...SupportTicketRowFields }\n  }\n"): (typeof documents)["\n  mutation AssignSupportTicket($input: AssignSupportTicketInput!) {\n    assignSupportTicket(input: $input) { ...SupportTicketRowFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseSupportTicket($input: CloseSupportTicketInput!) {\n    closeSupportTicket(input: $input) { ...SupportTicketRowFields }\n  }\n"): (typeof documents)["\n  mutation CloseSupportTicket($input: CloseSupportTicketInput!) {\n    closeSupportTicket(input: $input) { ...SupportTicketRowFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentorFeeSummary($mentorId: ID!) {\n    user(id: $mentorId) {\n      id\n      displayName\n      mentorProfile { feeMultiplierBps onTimeStreak }\n    }\n  }\n"): (typeof documents)["\n  query MentorFeeSummary($mentorId: ID!) {\n    user(id: $mentorId) {\n      id\n      displayName\n      mentorProfile { feeMultiplierBps onTimeStreak }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FeeHistory($mentorId: ID!, $first: Int!, $after: String) {\n    feeMultiplierHistory(mentorId: $mentorId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          fromBps\n          toBps\n          rule\n          reason\n          policyVersion\n          createdAt\n          sessions { id startsAt mentee { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query FeeHistory($mentorId: ID!, $first: Int!, $after: String) {\n    feeMultiplierHistory(mentorId: $mentorId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          fromBps\n          toBps\n          rule\n          reason\n          policyVersion\n          createdAt\n          sessions { id startsAt mentee { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LateRecords($mentorId: ID!, $first: Int!, $after: String) {\n    lateRecords(mentorId: $mentorId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          lateMinutes\n          noShow\n          penaltyBps\n          recordedAt\n          expiredAt\n          session { id startsAt mentee { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query LateRecords($mentorId: ID!, $first: Int!, $after: String) {\n    lateRecords(mentorId: $mentorId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          lateMinutes\n          noShow\n          penaltyBps\n          recordedAt\n          expiredAt\n          session { id startsAt mentee { id displayName } }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsersPage($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      edges {\n        node { id displayName email role status createdAt mentorProfile { approved } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query UsersPage($first: Int!, $after: String, $filter: UserFilter) {\n    users(first: $first, after: $after, filter: $filter) {\n      edges {\n        node { id displayName email role status createdAt mentorProfile { approved } }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserDetail($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n      role\n      status\n      timeZone\n      createdAt\n      mentorProfile { approved approvedAt headline bio expertise hourlyRateMinor currency }\n      programMemberships { role addedAt program { id name kind } }\n    }\n  }\n"): (typeof documents)["\n  query UserDetail($id: ID!) {\n    user(id: $id) {\n      id\n      displayName\n      email\n      role\n      status\n      timeZone\n      createdAt\n      mentorProfile { approved approvedAt headline bio expertise hourlyRateMinor currency }\n      programMemberships { role addedAt program { id name kind } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRole($userId: ID!, $role: Role!, $reason: String!) {\n    setUserRole(userId: $userId, role: $role, reason: $reason) { id role status }\n  }\n"): (typeof documents)["\n  mutation SetUserRole($userId: ID!, $role: Role!, $reason: String!) {\n    setUserRole(userId: $userId, role: $role, reason: $reason) { id role status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAccountStatus($userId: ID!, $status: SettableAccountStatus!, $reason: String!) {\n    setAccountStatus(userId: $userId, status: $status, reason: $reason) { id role status }\n  }\n"): (typeof documents)["\n  mutation SetAccountStatus($userId: ID!, $status: SettableAccountStatus!, $reason: String!) {\n    setAccountStatus(userId: $userId, status: $status, reason: $reason) { id role status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MentorApplications($first: Int!, $after: String, $status: ApplicationStatus) {\n    mentorApplications(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          status\n          createdAt\n          decidedAt\n          decisionReason\n          qualifications\n          experience\n          trackRecord\n          motivation\n          applicant { id displayName email }\n          reviewer { id displayName }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query MentorApplications($first: Int!, $after: String, $status: ApplicationStatus) {\n    mentorApplications(first: $first, after: $after, status: $status) {\n      edges {\n        node {\n          id\n          status\n          createdAt\n          decidedAt\n          decisionReason\n          qualifications\n          experience\n          trackRecord\n          motivation\n          applicant { id displayName email }\n          reviewer { id displayName }\n        }\n      }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideMentorApplication($applicationId: ID!, $approve: Boolean!, $reason: String!) {\n    decideMentorApplication(applicationId: $applicationId, approve: $approve, reason: $reason) {\n      id status decidedAt decisionReason reviewer { id displayName }\n    }\n  }\n"): (typeof documents)["\n  mutation DecideMentorApplication($applicationId: ID!, $approve: Boolean!, $reason: String!) {\n    decideMentorApplication(applicationId: $applicationId, approve: $approve, reason: $reason) {\n      id status decidedAt decisionReason reviewer { id displayName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonSessions($userId: ID!, $first: Int!) {\n    sessions(first: $first, filter: { userId: $userId }) {\n      edges { node { id topic startsAt state priceMinor currency mentor { id displayName } mentee { id displayName } } }\n    }\n  }\n"): (typeof documents)["\n  query PersonSessions($userId: ID!, $first: Int!) {\n    sessions(first: $first, filter: { userId: $userId }) {\n      edges { node { id topic startsAt state priceMinor currency mentor { id displayName } mentee { id displayName } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonDisputes($first: Int!) {\n    disputes(first: $first) {\n      edges { node { id status reason createdAt sessionId mentor { id } mentee { id } } }\n    }\n  }\n"): (typeof documents)["\n  query PersonDisputes($first: Int!) {\n    disputes(first: $first) {\n      edges { node { id status reason createdAt sessionId mentor { id } mentee { id } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersonReports($userId: ID!, $last: Int!) {\n    filed: reports(last: $last, filter: { reporterId: $userId }) {\n      edges { node { id createdAt category status decisionReason subject { id displayName } } }\n    }\n    about: reports(last: $last, filter: { subjectId: $userId }) {\n      edges { node { id createdAt category status source decisionReason reporter { id displayName } } }\n    }\n  }\n"): (typeof documents)["\n  query PersonReports($userId: ID!, $last: Int!) {\n    filed: reports(last: $last, filter: { reporterId: $userId }) {\n      edges { node { id createdAt category status decisionReason subject { id displayName } } }\n    }\n    about: reports(last: $last, filter: { subjectId: $userId }) {\n      edges { node { id createdAt category status source decisionReason reporter { id displayName } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment WebinarRowFields on Webinar {\n    id\n    title\n    hostId\n    hostName\n    startsAt\n    endsAt\n    capacity\n    status\n    cancelReason\n    registeredCount\n  }\n"): (typeof documents)["\n  fragment WebinarRowFields on Webinar {\n    id\n    title\n    hostId\n    hostName\n    startsAt\n    endsAt\n    capacity\n    status\n    cancelReason\n    registeredCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webinars($first: Int!, $after: String, $from: DateTime, $includeCancelled: Boolean) {\n    webinars(first: $first, after: $after, from: $from, includeCancelled: $includeCancelled) {\n      edges { node { ...WebinarRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"): (typeof documents)["\n  query Webinars($first: Int!, $after: String, $from: DateTime, $includeCancelled: Boolean) {\n    webinars(first: $first, after: $after, from: $from, includeCancelled: $includeCancelled) {\n      edges { node { ...WebinarRowFields } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Webinar($id: ID!) {\n    webinar(id: $id) {\n      ...WebinarRowFields\n      description\n      programId\n      registrations { userId userName createdAt }\n    }\n  }\n"): (typeof documents)["\n  query Webinar($id: ID!) {\n    webinar(id: $id) {\n      ...WebinarRowFields\n      description\n      programId\n      registrations { userId userName createdAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelWebinar($input: CancelWebinarInput!) {\n    cancelWebinar(input: $input) { ...WebinarRowFields }\n  }\n"): (typeof documents)["\n  mutation CancelWebinar($input: CancelWebinarInput!) {\n    cancelWebinar(input: $input) { ...WebinarRowFields }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;