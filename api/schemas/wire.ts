// Response shapes of API.md, shared by the server (which returns them) and the web client (which reads them).
// Written by hand from the contract so a storage change cannot silently change the wire. Times are ISO strings.

export type Role = 'participant' | 'organizer' | 'judge' | 'admin' | 'coordinator'
export type RoundStatus = 'scheduled' | 'open' | 'closed' | 'finalized'
export type AttemptStatus = 'in_progress' | 'submitted' | 'expired'
// Defined once beside the storage schema, which holds the same values.
export type { PredictionTarget, TiebreakKey } from '../../db/schema'
import type { PredictionTarget, TiebreakKey } from '../../db/schema'

export type ErrorBody = { error: { code: string; message: string; details?: unknown }; serverTime?: string }

export type Me = { id: string; role: Role; name: string; unitId?: string }
export type StaffRole = Exclude<Role, 'participant'>
// What a sign-in or a create answers with: POST /sessions, POST /participants, POST /admin/users and
// POST /admin/contests/:contestId/coordinators.
export type SignedIn = { id: string; role: Role; name: string }
export type RegisteredParticipant = { id: string; fullName: string; unitId: string }
export type CreatedStaff = { id: string; username: string; role: StaffRole; name: string }
export type AppointedCoordinator = { id: string; username: string; name: string; role: 'coordinator'; unitId: string }

export type RoundSummary = {
  id: string; contestId: string; number: number; title: string; opensAt: string; closesAt: string; status: RoundStatus
  questionCount: number; timeLimitSec: number; maxAttempts: number | null; graceSec: number
  prediction: { enabled: boolean; target: PredictionTarget | null }
  tiebreak: TiebreakKey[]; prizes: { name: string; count: number; minScore?: number }[]; unitPrizes: { name: string; count: number }[]; freezeAt: string | null
  finalizedAt: string | null; predictionTruth: number | null; reviewKeys: 'protect' | 'show'
  blueprint: { topic?: string; tag?: string; difficulty?: number; count: number }[]
}
export type ContestSummary = { id: string; slug: string; title: string; status: 'draft' | 'published' | 'archived'; rounds: RoundSummary[] }
export type ContestDetail = ContestSummary & { description: string; rules: string; onePrizePerPerson: boolean }
export type Unit = { id: string; code: string; name: string; parentId: string | null; headcount: number | null }

export type AttemptItem = {
  position: number; questionId: string; type: 'single' | 'multiple' | 'true_false'; stem: string
  options: { key: string; text: string }[]; choice: string[]
  // Present only after the round's closesAt plus grace.
  correct?: string[]; explanation?: string; source?: { document: string; section?: string; url?: string }
  // After the close, instead of the key: why it is withheld (another round still open can draw the question).
  keyWithheld?: string
}
export type AttemptResult = { score: number; maxScore: number; correctCount: number; durationMs: number }
export type Attempt = {
  id: string; roundId: string; number: number; status: AttemptStatus
  startedAt: string; deadlineAt: string; submittedAt?: string | null; prediction?: number | null
  items: AttemptItem[]; result?: AttemptResult
}
export type AttemptSummary = {
  id: string; roundId: string; number: number; status: AttemptStatus; startedAt: string; deadlineAt: string
  submittedAt: string | null; result?: AttemptResult
}
export type SubmitResult = { attemptId: string; score: number; maxScore: number; correctCount: number; durationMs: number; submittedAt: string | null }

export type LeaderboardEntry = {
  rank: number; participantId: string; fullName: string; unitId: string; unitName: string
  score: number; maxScore: number; durationMs: number; predictionError?: number | null
}
// A participant's own entry: `final` once the round is finalized (the locked ranking), with their prize.
export type MyEntry = LeaderboardEntry & { final: boolean; prize: string | null }
// The contest-wide own entry: final once every round is; prizes are per round, so `prize` stays null.
export type ContestMyEntry = MyEntry & { prizes: { roundId: string; roundTitle: string; rank: number; name: string }[] }
// GET /rounds/:roundId/leaderboard/me (Place<MyEntry>) and GET /contests/:contestId/leaderboard/me (Place<ContestMyEntry>);
// MyPlace is what the web reads from either.
export type Place<E extends MyEntry = MyEntry> = { entry: E | null; total: number }
export type MyPlace = Place<MyEntry & Partial<Pick<ContestMyEntry, 'prizes'>>>
export type Leaderboard = { round?: { id: string; status: RoundStatus; frozen: boolean }; contest?: { id: string }; total: number; entries: LeaderboardEntry[] }
export type UnitsLeaderboardEntry = {
  rank: number; unitId: string; unitName: string; parentId: string | null; participants: number; headcount: number | null
  participationRate: number | null; attempts: number; meanScore: number; perfectScores: number
}
export type Flag = { kind: string; evidence: string }
export type StandingsEntry = LeaderboardEntry & { dateOfBirth: string; phone: string; disqualified: boolean; disqualifyReason?: string; flags: Flag[] }
// The judges' standings: `final` once finalized, when entries follow the locked ranking.
export type JudgeStandings = { round: RoundSummary; final: boolean; total: number; entries: StandingsEntry[] }
export type FinalizeResult = { predictionTruth: number | null; prizes: { name: string; participantId: string; rank: number }[]; unitPrizes: { name: string; unitId: string; rank: number }[]; auditHead: string }

export type BankQuestionWire = {
  id: string; topic: string; tags?: string[]; difficulty: 1 | 2 | 3; type: 'single' | 'multiple' | 'true_false'; stem: string
  options: { key: string; text: string; pinned?: true }[]; correct: string[]; explanation: string
  source: { document: string; section?: string; url?: string }; group?: string; weight?: number; status?: 'draft' | 'published' | 'retired'
}
export type AdminQuestion = BankQuestionWire & { revision: number }
// GET /admin/questions, POST /admin/questions/bulk and POST /admin/rounds/:roundId/regrade.
export type QuestionsPage = { total: number; questions: AdminQuestion[] }
export type BulkResult = { changed: number }
export type RegradeResult = { rescored: number }
// A topic of the bank, with how many questions it holds and how many of them a round can draw.
export type TopicSummary = { id: string; name: string; description: string; questionCount: number; publishedCount: number }
export type BulkAction = 'publish' | 'retire' | 'set'
// Imports (POST /admin/questions/import, POST /admin/contests/:contestId/units/import). An issue's message
// already names its place ("Hàng 4: …").
export type ImportFormat = 'json' | 'csv' | 'xlsx' | 'gift' | 'aiken' | 'moodlexml'
export type ImportIssue = { line?: number; row?: number; message: string }
export type ImportReport = { imported: number; updated: number; skipped: number; warnings: ImportIssue[]; errors: ImportIssue[] }
export type UnitsImportReport = { units: Unit[]; imported: number; warnings: ImportIssue[] }

// Unit coordinators (docs/api-extras.md): the organizer's list, and what a coordinator reads of their subtree.
export type CoordinatorAccount = { id: string; username: string; name: string; unitId: string; unitCode: string; unitName: string; disabled: boolean; createdAt: string }
export type ContestRoundBrief = { id: string; number: number; title: string; opensAt: string; closesAt: string; status: RoundStatus }
export type UnitMember = {
  participantId: string; fullName: string; unitId: string; unitName: string
  took: boolean; bestScore: number | null; maxScore: number | null; lastFinishedAt: string | null
}
export type UnitMembersPage = {
  round: ContestRoundBrief | null; unit: { id: string; code: string; name: string; headcount: number | null }
  counts: { total: number; took: number; headcount: number | null }; members: UnitMember[]
}
export type CoordinatorUnit = { id: string; code: string; name: string; parentId: string | null; headcount: number | null; total: number; took: number }
export type CoordinatorOverview = {
  contest: { id: string; title: string }; rootUnitId: string
  rounds: ContestRoundBrief[]; currentRoundId: string | null; round: ContestRoundBrief | null; units: CoordinatorUnit[]
}

// Item analysis (GET /admin/rounds/:roundId/item-stats, GET /admin/questions/stats).
export type ItemFlag = 'too_hard' | 'too_easy' | 'negative_discrimination'
export type ItemStat = {
  questionId: string; revision: number; topic: string; stem: string
  timesDrawn: number; answered: number; correctCount: number
  facility: number; upperFacility: number | null; lowerFacility: number | null; discrimination: number | null
  options: { key: string; text: string; correct: boolean; count: number }[]
  flags: ItemFlag[]
}
export type ItemStatsReport = { attempts: number; rounds: number; items: ItemStat[] }
export type RoundItemStats = ItemStatsReport & { round: { id: string; number: number; title: string } }

// The locked prize lists of a round (GET /rounds/:roundId/prizes); empty (finalized: false) until judges finalize it.
export type RoundPrize = { rank: number; name: string; participantId: string; fullName: string; unitName: string | null }
export type RoundUnitPrize = { rank: number; name: string; unitId: string; unitName: string }
export type RoundPrizes = { finalized: boolean; predictionTruth: number | null; prizes: RoundPrize[]; unitPrizes: RoundUnitPrize[] }

// The judges' console: reports of a question (GET /admin/reports), what the finalize dialog lists
// (GET /admin/rounds/:roundId/open-flags) and the participation chart (GET /admin/rounds/:roundId/activity).
export type QuestionReport = { id: string; attemptId: string; position: number; questionId: string; participantId: string; message: string; createdAt: string }
export type RoundReport = QuestionReport & { fullName: string }
export type OpenFlag = Flag & { participantId: string; fullName: string; unitName: string }
export type OpenFlags = { flags: OpenFlag[]; reports: RoundReport[] }
export type ActivityBucket = { at: string; started: number; finished: number }
// A person found by staff (GET /admin/participants?q=), with their units in every contest.
export type PersonMatch = {
  id: string; fullName: string; phone: string; dateOfBirth: string; createdAt: string
  units: { contestId: string; unitId: string; unitName: string }[]
}

// Certificates (GET /me/certificates, GET /certificates/:code).
export type CertificateKind = 'participation' | 'prize'
export type MyCertificate = { code: string; kind: CertificateKind; roundId: string; prize?: string; roundTitle: string; roundNumber: number; contestId: string; contestTitle: string }
export type CertificateCheck =
  | { valid: true; code: string; kind: CertificateKind; fullName: string; unitName: string | null; contest: string; round: string; roundNumber: number; rank: number; prize: string | null; issuedAt: string }
  | { valid: false; code: string; message: string }

// The admin's staff list (GET /admin/users) and audit log (GET /admin/audit, GET /admin/audit/verify).
export type StaffMember = {
  id: string; username: string; name: string; role: Role; disabled: boolean
  unitId: string | null; unitName: string | null; createdAt: string
}
export type AuditEntry = {
  seq: number; at: string; actorId: string; actorName: string | null; actorRole: string; action: string
  entity: string; entityId: string; entityName: string | null; detail: unknown; prevHash: string; hash: string
}
export type AuditPage = { total: number; entries: AuditEntry[] }
export type AuditVerification = { ok: true; head: string; count: number } | { ok: false; brokenAt: number }

// Authoring (issue 15): the editor's view of a question (GET /admin/questions/:questionId) with the running
// rounds that drew it, its history (GET /admin/questions/:questionId/revisions) and the bank's published counts.
export type OpenRound = { id: string; title: string; contestTitle: string; attempts: number }
export type QuestionForEditor = { question: AdminQuestion; openRounds: OpenRound[] }
export type DiffPart = { text: string; op: 'same' | 'added' | 'removed' }
export type FieldChange = { field: string; label: string; before: string; after: string; parts?: DiffPart[] }
export type RevisionOrigin = 'console' | 'import' | 'system'
export type HistoryEntry = {
  revision: number; createdAt: string; createdBy: string | null
  editorName: string; origin: RevisionOrigin; changes: FieldChange[]; question: BankQuestionWire
}
export type PublishedCount = { topic: string; difficulty: number; count: number }
