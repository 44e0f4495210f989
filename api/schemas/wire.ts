import { z } from 'zod'
import { PREDICTION_TARGETS, TIEBREAK_KEYS } from '../../db/schema'
import type { PredictionTarget as StoredPredictionTarget, TiebreakKey as StoredTiebreakKey } from '../../db/schema'

// Response shapes of API.md, shared by the server (which returns them) and the web client (which reads them).
// Written by hand from the contract so a storage change cannot silently change the wire. Times are ISO strings.
// Each schema carries its id, so a JSON-schema generator emits it as a named component; the web imports only
// the types (`import type`), so zod stays out of its bundle.

const Time = z.iso.datetime({ offset: true })
const Day = z.iso.date()

export const Role = z.enum(['participant', 'organizer', 'judge', 'admin', 'coordinator']).meta({ id: 'Role' })
export type Role = z.infer<typeof Role>
export const RoundStatus = z.enum(['scheduled', 'open', 'closed', 'finalized']).meta({ id: 'RoundStatus' })
export type RoundStatus = z.infer<typeof RoundStatus>
export const AttemptStatus = z.enum(['in_progress', 'submitted', 'expired']).meta({ id: 'AttemptStatus' })
export type AttemptStatus = z.infer<typeof AttemptStatus>
// Defined once beside the storage schema, which holds the same values: the enums are built from its arrays.
export const PredictionTarget = z.enum(PREDICTION_TARGETS).meta({ id: 'PredictionTarget' })
export type PredictionTarget = StoredPredictionTarget
export const TiebreakKey = z.enum(TIEBREAK_KEYS).meta({ id: 'TiebreakKey' })
export type TiebreakKey = StoredTiebreakKey

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }), serverTime: Time.optional(),
}).meta({ id: 'ErrorBody' })
export type ErrorBody = z.infer<typeof ErrorBody>

export const Me = z.object({ id: z.string(), role: Role, name: z.string(), unitId: z.string().optional() }).meta({ id: 'Me' })
export type Me = z.infer<typeof Me>
export const StaffRole = Role.exclude(['participant']).meta({ id: 'StaffRole' })
export type StaffRole = z.infer<typeof StaffRole>
// What a sign-in or a create answers with: POST /sessions, POST /participants, POST /admin/users and
// POST /admin/contests/:contestId/coordinators.
export const SignedIn = z.object({ id: z.string(), role: Role, name: z.string() }).meta({ id: 'SignedIn' })
export type SignedIn = z.infer<typeof SignedIn>
export const RegisteredParticipant = z.object({ id: z.string(), fullName: z.string(), unitId: z.string() }).meta({ id: 'RegisteredParticipant' })
export type RegisteredParticipant = z.infer<typeof RegisteredParticipant>
export const CreatedStaff = z.object({ id: z.string(), username: z.string(), role: StaffRole, name: z.string() }).meta({ id: 'CreatedStaff' })
export type CreatedStaff = z.infer<typeof CreatedStaff>
export const AppointedCoordinator = z.object({
  id: z.string(), username: z.string(), name: z.string(), role: z.literal('coordinator'), unitId: z.string(),
}).meta({ id: 'AppointedCoordinator' })
export type AppointedCoordinator = z.infer<typeof AppointedCoordinator>

export const RoundSummary = z.object({
  id: z.string(), contestId: z.string(), number: z.number(), title: z.string(), opensAt: Time, closesAt: Time, status: RoundStatus,
  questionCount: z.number(), timeLimitSec: z.number(), maxAttempts: z.number().nullable(), graceSec: z.number(),
  prediction: z.object({ enabled: z.boolean(), target: PredictionTarget.nullable() }),
  tiebreak: z.array(TiebreakKey),
  prizes: z.array(z.object({ name: z.string(), count: z.number(), minScore: z.number().optional() })),
  unitPrizes: z.array(z.object({ name: z.string(), count: z.number() })), freezeAt: Time.nullable(),
  finalizedAt: Time.nullable(), predictionTruth: z.number().nullable(), reviewKeys: z.enum(['protect', 'show']),
  blueprint: z.array(z.object({ topic: z.string().optional(), tag: z.string().optional(), difficulty: z.number().optional(), count: z.number() })),
}).meta({ id: 'RoundSummary' })
export type RoundSummary = z.infer<typeof RoundSummary>
export const ContestSummary = z.object({
  id: z.string(), slug: z.string(), title: z.string(), status: z.enum(['draft', 'published', 'archived']), rounds: z.array(RoundSummary),
}).meta({ id: 'ContestSummary' })
export type ContestSummary = z.infer<typeof ContestSummary>
export const ContestDetail = ContestSummary.extend({ description: z.string(), rules: z.string(), onePrizePerPerson: z.boolean() }).meta({ id: 'ContestDetail' })
export type ContestDetail = z.infer<typeof ContestDetail>
export const Unit = z.object({
  id: z.string(), code: z.string(), name: z.string(), parentId: z.string().nullable(), headcount: z.number().nullable(),
}).meta({ id: 'Unit' })
export type Unit = z.infer<typeof Unit>

const QuestionType = z.enum(['single', 'multiple', 'true_false'])
const QuestionSource = z.object({ document: z.string(), section: z.string().optional(), url: z.string().optional() })
export const AttemptItem = z.object({
  position: z.number(), questionId: z.string(), type: QuestionType, stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })), choice: z.array(z.string()),
  // Present only after the round's closesAt plus grace.
  correct: z.array(z.string()).optional(), explanation: z.string().optional(), source: QuestionSource.optional(),
  // After the close, instead of the key: why it is withheld (another round still open can draw the question).
  keyWithheld: z.string().optional(),
}).meta({ id: 'AttemptItem' })
export type AttemptItem = z.infer<typeof AttemptItem>
export const AttemptResult = z.object({ score: z.number(), maxScore: z.number(), correctCount: z.number(), durationMs: z.number() }).meta({ id: 'AttemptResult' })
export type AttemptResult = z.infer<typeof AttemptResult>
export const Attempt = z.object({
  id: z.string(), roundId: z.string(), number: z.number(), status: AttemptStatus,
  startedAt: Time, deadlineAt: Time, submittedAt: Time.nullable().optional(), prediction: z.number().nullable().optional(),
  items: z.array(AttemptItem), result: AttemptResult.optional(),
}).meta({ id: 'Attempt' })
export type Attempt = z.infer<typeof Attempt>
export const AttemptSummary = z.object({
  id: z.string(), roundId: z.string(), number: z.number(), status: AttemptStatus, startedAt: Time, deadlineAt: Time,
  submittedAt: Time.nullable(), result: AttemptResult.optional(),
}).meta({ id: 'AttemptSummary' })
export type AttemptSummary = z.infer<typeof AttemptSummary>
export const SubmitResult = z.object({
  attemptId: z.string(), score: z.number(), maxScore: z.number(), correctCount: z.number(), durationMs: z.number(), submittedAt: Time.nullable(),
}).meta({ id: 'SubmitResult' })
export type SubmitResult = z.infer<typeof SubmitResult>

export const LeaderboardEntry = z.object({
  rank: z.number(), participantId: z.string(), fullName: z.string(), unitId: z.string(), unitName: z.string(),
  score: z.number(), maxScore: z.number(), durationMs: z.number(), predictionError: z.number().nullable().optional(),
}).meta({ id: 'LeaderboardEntry' })
export type LeaderboardEntry = z.infer<typeof LeaderboardEntry>
// A participant's own entry: `final` once the round is finalized (the locked ranking), with their prize.
export const MyEntry = LeaderboardEntry.extend({ final: z.boolean(), prize: z.string().nullable() }).meta({ id: 'MyEntry' })
export type MyEntry = z.infer<typeof MyEntry>
// The contest-wide own entry: final once every round is; prizes are per round, so `prize` stays null.
export const ContestMyEntry = MyEntry.extend({
  prizes: z.array(z.object({ roundId: z.string(), roundTitle: z.string(), rank: z.number(), name: z.string() })),
}).meta({ id: 'ContestMyEntry' })
export type ContestMyEntry = z.infer<typeof ContestMyEntry>
// GET /rounds/:roundId/leaderboard/me (RoundPlace, Place<MyEntry>) and GET /contests/:contestId/leaderboard/me
// (ContestPlace, Place<ContestMyEntry>); MyPlace is what the web reads from either.
export type Place<E extends MyEntry = MyEntry> = { entry: E | null; total: number }
export const RoundPlace = z.object({ entry: MyEntry.nullable(), total: z.number() }).meta({ id: 'RoundPlace' })
export type RoundPlace = z.infer<typeof RoundPlace>
export const ContestPlace = z.object({ entry: ContestMyEntry.nullable(), total: z.number() }).meta({ id: 'ContestPlace' })
export type ContestPlace = z.infer<typeof ContestPlace>
export type MyPlace = Place<MyEntry & Partial<Pick<ContestMyEntry, 'prizes'>>>
export const Leaderboard = z.object({
  round: z.object({ id: z.string(), status: RoundStatus, frozen: z.boolean() }).optional(), contest: z.object({ id: z.string() }).optional(),
  total: z.number(), entries: z.array(LeaderboardEntry),
}).meta({ id: 'Leaderboard' })
export type Leaderboard = z.infer<typeof Leaderboard>
export const UnitsLeaderboardEntry = z.object({
  rank: z.number(), unitId: z.string(), unitName: z.string(), parentId: z.string().nullable(), participants: z.number(), headcount: z.number().nullable(),
  participationRate: z.number().nullable(), attempts: z.number(), meanScore: z.number(), perfectScores: z.number(),
}).meta({ id: 'UnitsLeaderboardEntry' })
export type UnitsLeaderboardEntry = z.infer<typeof UnitsLeaderboardEntry>
export const Flag = z.object({ kind: z.string(), evidence: z.string() }).meta({ id: 'Flag' })
export type Flag = z.infer<typeof Flag>
export const StandingsEntry = LeaderboardEntry.extend({
  dateOfBirth: Day, phone: z.string(), disqualified: z.boolean(), disqualifyReason: z.string().optional(), flags: z.array(Flag),
}).meta({ id: 'StandingsEntry' })
export type StandingsEntry = z.infer<typeof StandingsEntry>
// The judges' standings: `final` once finalized, when entries follow the locked ranking.
export const JudgeStandings = z.object({ round: RoundSummary, final: z.boolean(), total: z.number(), entries: z.array(StandingsEntry) }).meta({ id: 'JudgeStandings' })
export type JudgeStandings = z.infer<typeof JudgeStandings>
export const FinalizeResult = z.object({
  predictionTruth: z.number().nullable(), prizes: z.array(z.object({ name: z.string(), participantId: z.string(), rank: z.number() })),
  unitPrizes: z.array(z.object({ name: z.string(), unitId: z.string(), rank: z.number() })), auditHead: z.string(),
}).meta({ id: 'FinalizeResult' })
export type FinalizeResult = z.infer<typeof FinalizeResult>

export const BankQuestionWire = z.object({
  id: z.string(), topic: z.string(), tags: z.array(z.string()).optional(), difficulty: z.literal([1, 2, 3]), type: QuestionType, stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string(), pinned: z.literal(true).optional() })), correct: z.array(z.string()), explanation: z.string(),
  source: QuestionSource, group: z.string().optional(), weight: z.number().optional(), status: z.enum(['draft', 'published', 'retired']).optional(),
}).meta({ id: 'BankQuestionWire' })
export type BankQuestionWire = z.infer<typeof BankQuestionWire>
export const AdminQuestion = BankQuestionWire.extend({ revision: z.number() }).meta({ id: 'AdminQuestion' })
export type AdminQuestion = z.infer<typeof AdminQuestion>
// GET /admin/questions, POST /admin/questions/bulk and POST /admin/rounds/:roundId/regrade.
export const QuestionsPage = z.object({ total: z.number(), questions: z.array(AdminQuestion) }).meta({ id: 'QuestionsPage' })
export type QuestionsPage = z.infer<typeof QuestionsPage>
export const BulkResult = z.object({ changed: z.number() }).meta({ id: 'BulkResult' })
export type BulkResult = z.infer<typeof BulkResult>
export const RegradeResult = z.object({ rescored: z.number() }).meta({ id: 'RegradeResult' })
export type RegradeResult = z.infer<typeof RegradeResult>
// A topic of the bank, with how many questions it holds and how many of them a round can draw.
export const TopicSummary = z.object({
  id: z.string(), name: z.string(), description: z.string(), questionCount: z.number(), publishedCount: z.number(),
}).meta({ id: 'TopicSummary' })
export type TopicSummary = z.infer<typeof TopicSummary>
export const BulkAction = z.enum(['publish', 'retire', 'set']).meta({ id: 'BulkAction' })
export type BulkAction = z.infer<typeof BulkAction>
// Imports (POST /admin/questions/import, POST /admin/contests/:contestId/units/import). An issue's message
// already names its place ("Hàng 4: …").
export const ImportFormat = z.enum(['json', 'csv', 'xlsx', 'gift', 'aiken', 'moodlexml']).meta({ id: 'ImportFormat' })
export type ImportFormat = z.infer<typeof ImportFormat>
export const ImportIssue = z.object({ line: z.number().optional(), row: z.number().optional(), message: z.string() }).meta({ id: 'ImportIssue' })
export type ImportIssue = z.infer<typeof ImportIssue>
export const ImportReport = z.object({
  imported: z.number(), updated: z.number(), skipped: z.number(), warnings: z.array(ImportIssue), errors: z.array(ImportIssue),
}).meta({ id: 'ImportReport' })
export type ImportReport = z.infer<typeof ImportReport>
export const UnitsImportReport = z.object({ units: z.array(Unit), imported: z.number(), warnings: z.array(ImportIssue) }).meta({ id: 'UnitsImportReport' })
export type UnitsImportReport = z.infer<typeof UnitsImportReport>

// Unit coordinators (docs/api-extras.md): the organizer's list, and what a coordinator reads of their subtree.
export const CoordinatorAccount = z.object({
  id: z.string(), username: z.string(), name: z.string(), unitId: z.string(), unitCode: z.string(), unitName: z.string(), disabled: z.boolean(), createdAt: Time,
}).meta({ id: 'CoordinatorAccount' })
export type CoordinatorAccount = z.infer<typeof CoordinatorAccount>
export const ContestRoundBrief = z.object({
  id: z.string(), number: z.number(), title: z.string(), opensAt: Time, closesAt: Time, status: RoundStatus,
}).meta({ id: 'ContestRoundBrief' })
export type ContestRoundBrief = z.infer<typeof ContestRoundBrief>
export const UnitMember = z.object({
  participantId: z.string(), fullName: z.string(), unitId: z.string(), unitName: z.string(),
  took: z.boolean(), bestScore: z.number().nullable(), maxScore: z.number().nullable(), lastFinishedAt: Time.nullable(),
}).meta({ id: 'UnitMember' })
export type UnitMember = z.infer<typeof UnitMember>
export const UnitMembersPage = z.object({
  round: ContestRoundBrief.nullable(), unit: z.object({ id: z.string(), code: z.string(), name: z.string(), headcount: z.number().nullable() }),
  counts: z.object({ total: z.number(), took: z.number(), headcount: z.number().nullable() }), members: z.array(UnitMember),
}).meta({ id: 'UnitMembersPage' })
export type UnitMembersPage = z.infer<typeof UnitMembersPage>
export const CoordinatorUnit = z.object({
  id: z.string(), code: z.string(), name: z.string(), parentId: z.string().nullable(), headcount: z.number().nullable(), total: z.number(), took: z.number(),
}).meta({ id: 'CoordinatorUnit' })
export type CoordinatorUnit = z.infer<typeof CoordinatorUnit>
export const CoordinatorOverview = z.object({
  contest: z.object({ id: z.string(), title: z.string() }), rootUnitId: z.string(),
  rounds: z.array(ContestRoundBrief), currentRoundId: z.string().nullable(), round: ContestRoundBrief.nullable(), units: z.array(CoordinatorUnit),
}).meta({ id: 'CoordinatorOverview' })
export type CoordinatorOverview = z.infer<typeof CoordinatorOverview>

// Item analysis (GET /admin/rounds/:roundId/item-stats, GET /admin/questions/stats).
export const ItemFlag = z.enum(['too_hard', 'too_easy', 'negative_discrimination']).meta({ id: 'ItemFlag' })
export type ItemFlag = z.infer<typeof ItemFlag>
export const ItemStat = z.object({
  questionId: z.string(), revision: z.number(), topic: z.string(), stem: z.string(),
  timesDrawn: z.number(), answered: z.number(), correctCount: z.number(),
  facility: z.number(), upperFacility: z.number().nullable(), lowerFacility: z.number().nullable(), discrimination: z.number().nullable(),
  options: z.array(z.object({ key: z.string(), text: z.string(), correct: z.boolean(), count: z.number() })),
  flags: z.array(ItemFlag),
}).meta({ id: 'ItemStat' })
export type ItemStat = z.infer<typeof ItemStat>
export const ItemStatsReport = z.object({ attempts: z.number(), rounds: z.number(), items: z.array(ItemStat) }).meta({ id: 'ItemStatsReport' })
export type ItemStatsReport = z.infer<typeof ItemStatsReport>
export const RoundItemStats = ItemStatsReport.extend({
  round: z.object({ id: z.string(), number: z.number(), title: z.string() }),
}).meta({ id: 'RoundItemStats' })
export type RoundItemStats = z.infer<typeof RoundItemStats>

// The locked prize lists of a round (GET /rounds/:roundId/prizes); empty (finalized: false) until judges finalize it.
export const RoundPrize = z.object({
  rank: z.number(), name: z.string(), participantId: z.string(), fullName: z.string(), unitName: z.string().nullable(),
}).meta({ id: 'RoundPrize' })
export type RoundPrize = z.infer<typeof RoundPrize>
export const RoundUnitPrize = z.object({ rank: z.number(), name: z.string(), unitId: z.string(), unitName: z.string() }).meta({ id: 'RoundUnitPrize' })
export type RoundUnitPrize = z.infer<typeof RoundUnitPrize>
export const RoundPrizes = z.object({
  finalized: z.boolean(), predictionTruth: z.number().nullable(), prizes: z.array(RoundPrize), unitPrizes: z.array(RoundUnitPrize),
}).meta({ id: 'RoundPrizes' })
export type RoundPrizes = z.infer<typeof RoundPrizes>

// The judges' console: reports of a question (GET /admin/reports), what the finalize dialog lists
// (GET /admin/rounds/:roundId/open-flags) and the participation chart (GET /admin/rounds/:roundId/activity).
export const QuestionReport = z.object({
  id: z.string(), attemptId: z.string(), position: z.number(), questionId: z.string(), participantId: z.string(), message: z.string(), createdAt: Time,
}).meta({ id: 'QuestionReport' })
export type QuestionReport = z.infer<typeof QuestionReport>
export const RoundReport = QuestionReport.extend({ fullName: z.string() }).meta({ id: 'RoundReport' })
export type RoundReport = z.infer<typeof RoundReport>
export const OpenFlag = Flag.extend({ participantId: z.string(), fullName: z.string(), unitName: z.string() }).meta({ id: 'OpenFlag' })
export type OpenFlag = z.infer<typeof OpenFlag>
export const OpenFlags = z.object({ flags: z.array(OpenFlag), reports: z.array(RoundReport) }).meta({ id: 'OpenFlags' })
export type OpenFlags = z.infer<typeof OpenFlags>
export const ActivityBucket = z.object({ at: Time, started: z.number(), finished: z.number() }).meta({ id: 'ActivityBucket' })
export type ActivityBucket = z.infer<typeof ActivityBucket>
// A person found by staff (GET /admin/participants?q=), with their units in every contest.
export const PersonMatch = z.object({
  id: z.string(), fullName: z.string(), phone: z.string(), dateOfBirth: Day, createdAt: Time,
  units: z.array(z.object({ contestId: z.string(), unitId: z.string(), unitName: z.string() })),
}).meta({ id: 'PersonMatch' })
export type PersonMatch = z.infer<typeof PersonMatch>

// Certificates (GET /me/certificates, GET /certificates/:code).
export const CertificateKind = z.enum(['participation', 'prize']).meta({ id: 'CertificateKind' })
export type CertificateKind = z.infer<typeof CertificateKind>
export const MyCertificate = z.object({
  code: z.string(), kind: CertificateKind, roundId: z.string(), prize: z.string().optional(), roundTitle: z.string(), roundNumber: z.number(),
  contestId: z.string(), contestTitle: z.string(),
}).meta({ id: 'MyCertificate' })
export type MyCertificate = z.infer<typeof MyCertificate>
export const CertificateCheck = z.discriminatedUnion('valid', [
  z.object({
    valid: z.literal(true), code: z.string(), kind: CertificateKind, fullName: z.string(), unitName: z.string().nullable(), contest: z.string(),
    round: z.string(), roundNumber: z.number(), rank: z.number(), prize: z.string().nullable(), issuedAt: Time,
  }),
  z.object({ valid: z.literal(false), code: z.string(), message: z.string() }),
]).meta({ id: 'CertificateCheck' })
export type CertificateCheck = z.infer<typeof CertificateCheck>

// The admin's staff list (GET /admin/users) and audit log (GET /admin/audit, GET /admin/audit/verify).
export const StaffMember = z.object({
  id: z.string(), username: z.string(), name: z.string(), role: Role, disabled: z.boolean(),
  unitId: z.string().nullable(), unitName: z.string().nullable(), createdAt: Time,
}).meta({ id: 'StaffMember' })
export type StaffMember = z.infer<typeof StaffMember>
export const AuditEntry = z.object({
  seq: z.number(), at: Time, actorId: z.string(), actorName: z.string().nullable(), actorRole: z.string(), action: z.string(),
  entity: z.string(), entityId: z.string(), entityName: z.string().nullable(), detail: z.unknown(), prevHash: z.string(), hash: z.string(),
}).meta({ id: 'AuditEntry' })
export type AuditEntry = z.infer<typeof AuditEntry>
export const AuditPage = z.object({ total: z.number(), entries: z.array(AuditEntry) }).meta({ id: 'AuditPage' })
export type AuditPage = z.infer<typeof AuditPage>
export const AuditVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), head: z.string(), count: z.number() }),
  z.object({ ok: z.literal(false), brokenAt: z.number() }),
]).meta({ id: 'AuditVerification' })
export type AuditVerification = z.infer<typeof AuditVerification>

// Authoring (issue 15): the editor's view of a question (GET /admin/questions/:questionId) with the running
// rounds that drew it, its history (GET /admin/questions/:questionId/revisions) and the bank's published counts.
export const OpenRound = z.object({ id: z.string(), title: z.string(), contestTitle: z.string(), attempts: z.number() }).meta({ id: 'OpenRound' })
export type OpenRound = z.infer<typeof OpenRound>
export const QuestionForEditor = z.object({ question: AdminQuestion, openRounds: z.array(OpenRound) }).meta({ id: 'QuestionForEditor' })
export type QuestionForEditor = z.infer<typeof QuestionForEditor>
export const DiffPart = z.object({ text: z.string(), op: z.enum(['same', 'added', 'removed']) }).meta({ id: 'DiffPart' })
export type DiffPart = z.infer<typeof DiffPart>
export const FieldChange = z.object({
  field: z.string(), label: z.string(), before: z.string(), after: z.string(), parts: z.array(DiffPart).optional(),
}).meta({ id: 'FieldChange' })
export type FieldChange = z.infer<typeof FieldChange>
export const RevisionOrigin = z.enum(['console', 'import', 'system']).meta({ id: 'RevisionOrigin' })
export type RevisionOrigin = z.infer<typeof RevisionOrigin>
export const HistoryEntry = z.object({
  revision: z.number(), createdAt: Time, createdBy: z.string().nullable(),
  editorName: z.string(), origin: RevisionOrigin, changes: z.array(FieldChange), question: BankQuestionWire,
}).meta({ id: 'HistoryEntry' })
export type HistoryEntry = z.infer<typeof HistoryEntry>
export const PublishedCount = z.object({ topic: z.string(), difficulty: z.number(), count: z.number() }).meta({ id: 'PublishedCount' })
export type PublishedCount = z.infer<typeof PublishedCount>

// A participant's unit in one contest (GET and PUT /me/contests/:contestId/unit): null until chosen or registered.
export const MyContestUnit = z.object({ contestId: z.string(), unitId: z.string().nullable() }).meta({ id: 'MyContestUnit' })
export type MyContestUnit = z.infer<typeof MyContestUnit>

// A judge's disqualification as POST /admin/rounds/:roundId/disqualify answers it ({ disqualified }).
export const Disqualification = z.object({ roundId: z.string(), participantId: z.string(), reason: z.string() }).meta({ id: 'Disqualification' })
export type Disqualification = z.infer<typeof Disqualification>

// What POST /admin/contests answers: the stored contest as created, its createdAt in epoch milliseconds
// (unlike the ISO times elsewhere; the web reads only id and slug).
export const CreatedContest = z.object({
  id: z.string(), slug: z.string(), title: z.string(), description: z.string(), rules: z.string(),
  status: z.enum(['draft', 'published', 'archived']), onePrizePerPerson: z.boolean(), createdAt: z.number(),
}).meta({ id: 'CreatedContest' })
export type CreatedContest = z.infer<typeof CreatedContest>
// A participant's answer as PUT /attempts/:attemptId/items/:position and a report as POST …/report answer them.
export const SavedAnswer = z.object({ saved: z.literal(true), position: z.number() }).meta({ id: 'SavedAnswer' })
export type SavedAnswer = z.infer<typeof SavedAnswer>
export const FiledReport = z.object({ id: z.string(), questionId: z.string(), createdAt: Time }).meta({ id: 'FiledReport' })
export type FiledReport = z.infer<typeof FiledReport>
// The contest's dashboard (GET /admin/contests/:contestId/dashboard, docs/api-extras.md). Days are Hà Nội
// calendar days; units come furthest behind first.
export const DashboardDay = z.object({ day: Day, registrations: z.number(), attemptsStarted: z.number(), attemptsFinished: z.number() }).meta({ id: 'DashboardDay' })
export type DashboardDay = z.infer<typeof DashboardDay>
export const DashboardUnit = z.object({
  unitId: z.string(), unitName: z.string(), parentId: z.string().nullable(), depth: z.number(),
  registered: z.number(), participants: z.number(), headcount: z.number().nullable(), participationRate: z.number().nullable(),
}).meta({ id: 'DashboardUnit' })
export type DashboardUnit = z.infer<typeof DashboardUnit>
export const DashboardRound = z.object({
  id: z.string(), number: z.number(), title: z.string(), status: RoundStatus, opensAt: Time, closesAt: Time,
  attempts: z.number(), finished: z.number(), participants: z.number(), meanScore: z.number().nullable(), maxScore: z.number().nullable(),
}).meta({ id: 'DashboardRound' })
export type DashboardRound = z.infer<typeof DashboardRound>
export const ContestDashboard = z.object({
  contest: z.object({ id: z.string(), title: z.string() }), days: z.array(DashboardDay), units: z.array(DashboardUnit), rounds: z.array(DashboardRound),
}).meta({ id: 'ContestDashboard' })
export type ContestDashboard = z.infer<typeof ContestDashboard>

// A contest's people as staff see them (GET /admin/contests/:contestId/people) and one person's record
// with every attempt and what a judge would want to know beside it (GET /admin/participants/:participantId).
export const PersonRow = z.object({
  id: z.string(), fullName: z.string(), dateOfBirth: Day, phone: z.string(), unitId: z.string(), unitName: z.string(),
  registeredAt: Time, attempts: z.number(), bestScore: z.number().nullable(),
}).meta({ id: 'PersonRow' })
export type PersonRow = z.infer<typeof PersonRow>
export const PeoplePage = z.object({ total: z.number(), people: z.array(PersonRow) }).meta({ id: 'PeoplePage' })
export type PeoplePage = z.infer<typeof PeoplePage>
export const PersonAttempt = z.object({
  id: z.string(), roundId: z.string(), roundTitle: z.string(), contestId: z.string(), contestTitle: z.string(), number: z.number(),
  status: AttemptStatus, startedAt: Time, endedAt: Time.nullable(), durationMs: z.number().nullable(),
  score: z.number().nullable(), maxScore: z.number().nullable(), disqualified: z.object({ reason: z.string() }).nullable(), flags: z.array(Flag),
}).meta({ id: 'PersonAttempt' })
export type PersonAttempt = z.infer<typeof PersonAttempt>
export const PersonDetail = z.object({
  participant: z.object({
    id: z.string(), fullName: z.string(), dateOfBirth: Day, phone: z.string(), position: z.string().nullable(), registeredAt: Time,
    units: z.array(z.object({ contestId: z.string(), contestTitle: z.string(), unitId: z.string(), unitName: z.string() })),
  }),
  attempts: z.array(PersonAttempt),
}).meta({ id: 'PersonDetail' })
export type PersonDetail = z.infer<typeof PersonDetail>
