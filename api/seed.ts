import { inArray } from 'drizzle-orm'
import type { Env } from './env'
import { generatePassword } from './lib/password'
import { recordChange } from './standings/change-log'
import { SYSTEM_ACTOR } from './services/audit'
import { createContest, setContestStatus, upsertUnits } from './services/contests'
import { toContent, writeQuestion } from './services/question-store'
import { createRound } from './services/rounds'
import { createStaffUser, hasStaff } from './services/staff'
import { loadBankQuestions } from '../questions/load'
import { TOPICS } from '../questions/topics'
import { inTransaction, type Db } from '../db/client'
import { contests, questions } from '../db/schema'

// Adds shipped questions the database does not have yet; questions already there are left as organizers edited them.
export function loadShippedBank(db: Db, now: number): number {
  const bank = loadBankQuestions()
  const have = new Set<string>()
  for (let i = 0; i < bank.length; i += 500) {
    const ids = bank.slice(i, i + 500).map((q) => q.id)
    for (const r of db.select({ id: questions.id }).from(questions).where(inArray(questions.id, ids)).all()) have.add(r.id)
  }
  const missing = bank.filter((q) => !have.has(q.id))
  inTransaction(db, () => {
    for (const q of missing) writeQuestion(db, q.id, toContent({ ...q, status: 'published' }), now, 'seed')
    if (missing.length) recordChange(db, { kind: 'bank' }, now)
  })
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

export function seedDemoContest(db: Db, now: number) {
  const contest = createContest(db, SYSTEM_ACTOR, {
    title: 'Cuộc thi trắc nghiệm trực tuyến tìm hiểu lịch sử 13 kỳ Đại hội đại biểu toàn quốc của Đảng và Văn kiện Đại hội XIII (bản minh họa)',
    slug: 'dai-hoi-dang',
    description: 'Cuộc thi minh họa: tìm hiểu lịch sử các kỳ Đại hội đại biểu toàn quốc của Đảng Cộng sản Việt Nam, từ Đại hội I (1935) đến Đại hội XIII (2021), và Văn kiện Đại hội XIII.',
    rules: 'Mỗi lượt thi gồm 20 câu hỏi trắc nghiệm, làm trong 15 phút. Mỗi người được thi tối đa 3 lượt trong một tuần; chỉ lượt có kết quả cao nhất được xếp hạng. Xếp hạng theo điểm, sau đó theo độ chính xác của câu hỏi dự đoán, rồi theo thời gian làm bài.',
  }, now)
  upsertUnits(db, SYSTEM_ACTOR, contest.id, { units: DEMO_UNITS }, now)
  const week = 7 * 24 * 3600_000
  createRound(db, SYSTEM_ACTOR, contest.id, {
    title: 'Tuần thi thứ nhất', opensAt: now - 3600_000, closesAt: now + week, questionCount: 20, timeLimitSec: 900, maxAttempts: 3,
    blueprint: demoBlueprint(), prediction: { enabled: true, target: 'participants' },
    tiebreak: ['prediction', 'duration', 'submittedAt'],
    prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 2 }, { name: 'Giải Ba', count: 3 }, { name: 'Giải Khuyến khích', count: 10 }],
    unitPrizes: [{ name: 'Giải tập thể', count: 2 }],
  }, now, 3)
  setContestStatus(db, SYSTEM_ACTOR, contest.id, 'published', now)
  return contest
}

export async function seedDatabase(db: Db, env: Env, now: number): Promise<{ messages: string[] }> {
  const messages: string[] = []
  const added = loadShippedBank(db, now)
  if (added) messages.push(`Đã nạp ${added} câu hỏi từ ngân hàng đi kèm (questions/).`)
  if (!hasStaff(db)) {
    const username = env.ADMIN_USERNAME ?? 'admin'
    const password = env.ADMIN_PASSWORD ?? generatePassword(14)
    await createStaffUser(db, SYSTEM_ACTOR, { username, password, role: 'admin', name: 'Quản trị viên' }, now)
    messages.push(env.ADMIN_PASSWORD
      ? `Đã tạo tài khoản quản trị "${username}" với mật khẩu trong ADMIN_PASSWORD.`
      : `Đã tạo tài khoản quản trị: tên đăng nhập "${username}", mật khẩu "${password}" (chỉ hiện một lần; hãy đổi hoặc đặt ADMIN_PASSWORD).`)
  }
  if (env.SEED_DEMO && !db.select({ id: contests.id }).from(contests).limit(1).get()) {
    const contest = seedDemoContest(db, now)
    messages.push(`Đã tạo cuộc thi minh họa "${contest.slug}" với một đợt thi đang mở và cây đơn vị mẫu.`)
  }
  messages.push('Nhân viên đăng nhập tại /dang-nhap rồi vào /quan-tri; thí sinh đăng ký tại trang chủ.')
  return { messages }
}
