import { setTimeout as sleep } from 'node:timers/promises'
import type { Env } from './env'
import { generatePassword } from './lib/password'
import { logChange } from './standings/change-log'
import { SYSTEM_ACTOR } from './services/audit'
import { addContest, changeContestStatus, saveUnits } from './services/contests'
import { saveQuestion, toContent } from './services/question-store'
import { addRound } from './services/rounds'
import { anyStaff, createStaffAccount } from './services/staff'
import { nameShippedTopics } from './services/topics'
import { loadBankQuestions } from '../questions/load'
import type { BankQuestion } from '../questions/schema'
import { TOPICS } from '../questions/topics'
import { all, get, type Program } from '../db/program'
import type { Store } from '../db/store'

// Adds shipped questions the database does not have yet; questions already there are left as organizers edited them.
export function* loadShippedBank(bank: BankQuestion[], now: number): Program<number> {
  const have = new Set<string>()
  for (let i = 0; i < bank.length; i += 500) {
    const ids = bank.slice(i, i + 500).map((q) => q.id)
    const rows = yield* all<{ id: string }>(`SELECT id FROM questions WHERE id IN (${ids.map(() => '?').join(', ')})`, ...ids)
    for (const r of rows) have.add(r.id)
  }
  const missing = bank.filter((q) => !have.has(q.id))
  for (const q of missing) yield* saveQuestion(q.id, toContent({ ...q, status: 'published' }), now, 'seed')
  if (missing.length) yield* logChange({ kind: 'bank' }, now)
  return missing.length
}

// Invented demo units of a party bloc: a tree of three levels with headcounts at the leaves.
const DEMO_UNITS = [
  { code: 'DBK', name: 'Đảng bộ Khối (minh họa)' },
  { code: 'DB-VP', name: 'Đảng bộ Văn phòng (minh họa)', parentCode: 'DBK' },
  { code: 'CB-VP-1', name: 'Chi bộ Phòng Tổng hợp', parentCode: 'DB-VP', headcount: 24 },
  { code: 'CB-VP-2', name: 'Chi bộ Phòng Hành chính', parentCode: 'DB-VP', headcount: 18 },
  { code: 'DB-SO', name: 'Đảng bộ Sở Kế hoạch (minh họa)', parentCode: 'DBK' },
  { code: 'CB-SO-1', name: 'Chi bộ Phòng Đầu tư', parentCode: 'DB-SO', headcount: 15 },
  { code: 'CB-SO-2', name: 'Chi bộ Phòng Tài chính', parentCode: 'DB-SO', headcount: 21 },
  { code: 'DB-BV', name: 'Đảng bộ Bệnh viện (minh họa)', parentCode: 'DBK', headcount: 120 },
]

function demoBlueprint() {
  const congress = TOPICS.filter((t) => t.group === 'congress').map((t) => ({ topic: t.id, count: 1 }))
  return [...congress, { topic: 'van-kien-xiii', count: 5 }, { topic: 'ky-niem-2020', count: 2 }]
}

// Run in one transaction: a start that stops halfway leaves no contest without its round, which the next
// start would take for an organizer's and leave alone.
export function* seedDemoContest(now: number) {
  const contest = yield* addContest(SYSTEM_ACTOR, {
    title: 'Cuộc thi trắc nghiệm trực tuyến tìm hiểu lịch sử 13 kỳ Đại hội đại biểu toàn quốc của Đảng và Văn kiện Đại hội XIII (bản minh họa)',
    slug: 'dai-hoi-dang',
    description: 'Cuộc thi minh họa: tìm hiểu lịch sử các kỳ Đại hội đại biểu toàn quốc của Đảng Cộng sản Việt Nam, từ Đại hội I (1935) đến Đại hội XIII (2021), và Văn kiện Đại hội XIII.',
    rules: 'Mỗi lượt thi gồm 20 câu hỏi trắc nghiệm, làm trong 15 phút. Mỗi người được thi tối đa 3 lượt trong một tuần; chỉ lượt có kết quả cao nhất được xếp hạng. Xếp hạng theo điểm, sau đó theo độ chính xác của câu hỏi dự đoán, rồi theo thời gian làm bài.',
  }, now)
  yield* saveUnits(SYSTEM_ACTOR, contest.id, { units: DEMO_UNITS }, now)
  const week = 7 * 24 * 3600_000
  yield* addRound(SYSTEM_ACTOR, contest.id, {
    title: 'Tuần thi thứ nhất', opensAt: now - 3600_000, closesAt: now + week, questionCount: 20, timeLimitSec: 900, maxAttempts: 3,
    blueprint: demoBlueprint(), prediction: { enabled: true, target: 'participants' },
    tiebreak: ['prediction', 'duration', 'submittedAt'],
    prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 2 }, { name: 'Giải Ba', count: 3 }, { name: 'Giải Khuyến khích', count: 10 }],
    unitPrizes: [{ name: 'Giải tập thể', count: 2 }],
  }, now, 3)
  yield* changeContestStatus(SYSTEM_ACTOR, contest.id, 'published', now)
  return contest
}

// The demo contest goes only into a database without contests.
function* seedDemoIfEmpty(now: number) {
  if (yield* get('SELECT id FROM contests LIMIT 1')) return null
  return yield* seedDemoContest(now)
}

type SeedEnv = Pick<Env, 'ADMIN_USERNAME' | 'ADMIN_PASSWORD' | 'SEED_DEMO'>

async function seed(store: Store, env: SeedEnv, now: number): Promise<{ messages: string[] }> {
  const messages: string[] = []
  // Named before the bank loads, so its questions find their topics' rows and never make id-named ones.
  await store.write(() => nameShippedTopics(TOPICS))
  const bank = loadBankQuestions()
  const added = await store.write(() => loadShippedBank(bank, now))
  if (added) messages.push(`Đã nạp ${added} câu hỏi từ ngân hàng đi kèm (questions/).`)
  if (!(await store.read(anyStaff()))) {
    const username = env.ADMIN_USERNAME ?? 'admin'
    const password = env.ADMIN_PASSWORD ?? generatePassword(14)
    await createStaffAccount(store, SYSTEM_ACTOR, { username, password, role: 'admin', name: 'Quản trị viên' }, now)
    messages.push(env.ADMIN_PASSWORD
      ? `Đã tạo tài khoản quản trị "${username}" với mật khẩu trong ADMIN_PASSWORD.`
      : `Đã tạo tài khoản quản trị: tên đăng nhập "${username}", mật khẩu "${password}" (chỉ hiện một lần; hãy đổi hoặc đặt ADMIN_PASSWORD).`)
  }
  const contest = env.SEED_DEMO ? await store.write(() => seedDemoIfEmpty(now)) : null
  if (contest) messages.push(`Đã tạo cuộc thi minh họa "${contest.slug}" với một đợt thi đang mở và cây đơn vị mẫu.`)
  messages.push('Nhân viên đăng nhập tại /dang-nhap rồi vào /quan-tri; thí sinh đăng ký tại trang chủ.')
  return { messages }
}

const SEED_RETRY_MS = 100

// Servers starting together on one PostgreSQL database seed it once: the first holds the "seed" lock, the
// others wait for it (exclusive() does not wait, so they try again) and then find nothing left to add.
export async function seedDatabase(store: Store, env: SeedEnv, now: number): Promise<{ messages: string[] }> {
  for (;;) {
    const done = await store.exclusive('seed', () => seed(store, env, now))
    if (done) return done
    await sleep(SEED_RETRY_MS)
  }
}
