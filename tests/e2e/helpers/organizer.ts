import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { TOPICS } from '../../../questions/topics'
import { ADMIN } from './server'
import { shot } from './browser'

export const UNITS_CSV = [
  'code,name,parentCode,headcount',
  'DBK,Đảng bộ Khối thử nghiệm,,',
  'CB-TH,Chi bộ Phòng Tổng hợp,DBK,20',
  'CB-HC,Chi bộ Phòng Hành chính,DBK,15',
  'CB-TC,"Chi bộ Phòng Tài chính, Kế toán",DBK,12',
].join('\n')

export const UNIT_PRIZE = 'Đơn vị dẫn đầu'
export const JUDGE = { username: 'giamkhao1', password: 'giamkhao-secret-1', name: 'Lê Văn Giám' }

export async function signInStaff(page: Page, who: { username: string; password: string } = ADMIN) {
  await page.goto('/dang-nhap')
  await page.getByLabel('Số điện thoại, số CCCD hoặc tên đăng nhập').fill(who.username)
  await page.getByLabel('Mật khẩu').fill(who.password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.waitForURL('**/quan-tri')
}

// Two topics the bank can fill, read from the API as the builder itself does (the shipped bank still grows).
export async function topicsWithQuestions(page: Page, need: number): Promise<string[]> {
  const found: string[] = []
  for (const t of TOPICS) {
    const res = await page.request.get(`/api/admin/questions?status=published&topic=${t.id}&limit=1`)
    if (((await res.json()) as { total: number }).total >= need) found.push(t.id)
    if (found.length === 2) return found
  }
  throw new Error('the question bank has fewer than two topics with published questions')
}

export async function createContest(page: Page, slug: string): Promise<string> {
  await page.getByLabel('Tên cuộc thi').fill('Hội thi tìm hiểu lịch sử Đảng (thử nghiệm tự động)')
  await page.getByLabel('Đường dẫn (không bắt buộc; chữ thường không dấu, số và dấu -)').fill(slug)
  await page.getByLabel('Thể lệ').fill('Mỗi lượt thi gồm 5 câu hỏi trong 10 phút.\nXếp hạng theo điểm, rồi thời gian làm bài.')
  await page.getByRole('button', { name: 'Tạo cuộc thi' }).click()
  await page.waitForURL(/\/quan-tri\/cuoc-thi\/[^/]+$/)
  return page.url().split('/').pop()!
}

export async function importUnits(page: Page) {
  await page.getByRole('link', { name: 'Quản lý cây đơn vị' }).click()
  await page.getByLabel('Hoặc dán nội dung CSV').fill(UNITS_CSV)
  await page.getByRole('button', { name: 'Nhập đơn vị' }).click()
  await expect.poll(() => page.getByText('Đã nhập 4 đơn vị.').isVisible()).toBe(true)
  await expect.poll(() => page.locator('.unit-tree li').count()).toBe(4)
  await shot(page, 'console-units')
}

// The round: 3 + 2 questions from two topics, prediction on, a 1 s grace so the test can finalize soon after closing.
export async function createRound(page: Page, contestId: string, topics: string[]) {
  await page.goto(`/quan-tri/cuoc-thi/${contestId}/dot-moi`)
  await page.getByLabel('Tên đợt thi').fill('Tuần thi thứ nhất')
  await page.getByLabel('Thời gian làm bài (phút)').fill('10')
  await page.getByLabel('Thời gian ân hạn mạng (giây)').fill('1')
  for (const [i, [topic, count]] of [[topics[0], 3], [topics[1], 2]].entries()) {
    await page.getByRole('button', { name: '+ Thêm dòng' }).click()
    await page.locator(`#bp-topic-${i}`).selectOption(String(topic))
    await page.locator(`#bp-count-${i}`).fill(String(count))
  }
  await expect.poll(() => page.locator('.bp-have').first().textContent()).toMatch(/Có \d+ câu/)
  // More than the bank holds is refused before it is sent.
  await page.locator('#bp-count-0').fill('9999')
  await expect.poll(() => page.getByText('Ngân hàng không đủ câu').isVisible()).toBe(true)
  expect(await page.getByRole('button', { name: 'Tạo đợt thi' }).isDisabled()).toBe(true)
  await page.locator('#bp-count-0').fill('3')
  await expect.poll(() => page.getByRole('button', { name: 'Tạo đợt thi' }).isEnabled()).toBe(true)
  await page.getByLabel('Có câu hỏi dự đoán').check()
  await page.locator('fieldset', { hasText: 'Giải tập thể (theo đơn vị)' }).getByRole('button', { name: '+ Thêm giải' }).click()
  await page.locator('#unit-prizes-name-0').fill(UNIT_PRIZE)
  await page.locator('.bank-matrix summary').click()
  await shot(page, 'console-round-form')
  await page.getByRole('button', { name: 'Tạo đợt thi' }).click()
  await page.waitForURL(`**/quan-tri/cuoc-thi/${contestId}`)
  await expect.poll(() => page.getByText('1. Tuần thi thứ nhất').isVisible()).toBe(true)
}

export async function publish(page: Page) {
  await page.getByRole('button', { name: 'Công bố cuộc thi' }).click()
  await expect.poll(() => page.getByText('Đã công bố', { exact: true }).isVisible()).toBe(true)
  await shot(page, 'console-contest')
}

// The admin gives the judging board its own account, as a new organization would.
export async function createJudge(page: Page) {
  await page.goto('/quan-tri/nhan-su')
  await page.getByLabel('Tên đăng nhập').fill(JUDGE.username)
  await page.getByLabel('Họ và tên').fill(JUDGE.name)
  await page.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(JUDGE.password)
  await page.getByLabel('Vai trò').selectOption('judge')
  await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
  await expect.poll(() => page.getByText(`Đã tạo tài khoản ${JUDGE.username}.`).isVisible()).toBe(true)
}

// The people page: find someone by phone (written differently from how they registered), issue a password.
export async function issuePassword(page: Page, query: string, fullName: string): Promise<string> {
  await page.goto('/quan-tri')
  await page.getByRole('link', { name: 'Thí sinh' }).click()
  await page.getByLabel(/Tìm theo họ tên/).fill(query)
  await page.getByRole('button', { name: 'Tìm', exact: true }).click()
  await expect.poll(() => page.locator('table.people tbody tr').count()).toBe(1)
  await page.getByRole('button', { name: `Cấp mật khẩu mới cho ${fullName}` }).click()
  await page.locator('#confirm-reset').click()
  const field = page.getByLabel(`Mật khẩu mới của ${fullName}`)
  await expect.poll(() => field.inputValue()).toMatch(/\S{6,}/)
  await page.getByRole('button', { name: 'Chép mật khẩu' }).click()
  await expect.poll(() => page.getByText(/Đã chép vào bộ nhớ tạm|Không chép được/).isVisible()).toBe(true)
  await shot(page, 'console-people')
  return field.inputValue()
}

// After publishing, the introduction and the one-prize rule are still editable.
export async function editContest(page: Page, description: string) {
  await page.getByRole('button', { name: 'Sửa thông tin' }).click()
  await page.locator('#edit-description').fill(description)
  await page.getByLabel(/Mỗi người chỉ đoạt giải một lần/).check()
  await shot(page, 'console-contest-edit')
  await page.getByRole('button', { name: 'Lưu thông tin' }).click()
  await expect.poll(() => page.getByText(description).isVisible()).toBe(true)
  expect(await page.getByText('Mỗi người chỉ đoạt giải một lần trong cả cuộc thi.').isVisible()).toBe(true)
  expect(await page.locator('#edit-description').count()).toBe(0)
}
