import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpClient } from '../helpers/server-process'
import { DESKTOP, launchChromium, newContext, shot, watchErrors } from './helpers/browser'
import { signInStaff } from './helpers/organizer'
import { ADMIN, ok, startServer, type TestServer } from './helpers/server'

// A province's organizer imports its own questions under a category the engine has never seen, finds the
// new topic in the bank filter, publishes the drafts in one bulk action, and builds a round from that topic.
const TOPIC = 'Lịch sử Đảng bộ tỉnh'
const GIFT = `$CATEGORY: $course$/top/${TOPIC}

::Câu 1:: Câu thử nghiệm tỉnh một: năm nào được chọn? {=Năm A ~Năm B ~Năm C}

::Câu 2:: Câu thử nghiệm tỉnh hai: nơi nào được chọn? {=Nơi A ~Nơi B ~Nơi C}

::Câu 3:: Câu thử nghiệm tỉnh ba: người nào được chọn? {=Người A ~Người B ~Người C}
`

let server: TestServer
let browser: Browser
const errors: string[] = []
const state = { contestId: '', unitId: '' }


beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  const admin = new HttpClient(server.baseUrl)
  await ok(admin.call('POST', '/sessions', { identifier: ADMIN.username, password: ADMIN.password }))
  state.contestId = (await ok(admin.call('POST', '/admin/contests', { title: 'Tìm hiểu lịch sử Đảng bộ tỉnh', slug: 'lich-su-tinh' }), 201)).contest.id
  const units = await ok(admin.call('POST', `/admin/contests/${state.contestId}/units`, { units: [{ code: 'DBT', name: 'Đảng bộ tỉnh', headcount: 50 }] }))
  state.unitId = units.units[0].id
  await ok(admin.call('POST', `/admin/contests/${state.contestId}/publish`))
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

async function consolePage(): Promise<Page> {
  const page = await (await newContext(browser, server.baseUrl, DESKTOP)).newPage()
  watchErrors(page, errors)
  await signInStaff(page)
  return page
}

describe('topics and bulk actions in the console', () => {
  it('an imported category becomes a topic of the bank filter, and its drafts are published in one bulk action', async () => {
    const page = await consolePage()
    await page.goto('/quan-tri/cau-hoi/nhap')
    await page.locator('#import-file').setInputFiles({ name: 'tinh.gift.txt', mimeType: 'text/plain', buffer: Buffer.from(GIFT) })
    await page.getByLabel('Định dạng').selectOption('gift')
    await page.getByRole('button', { name: 'Nhập', exact: true }).click()
    // The first import starts the parsing worker: give it longer than a click's answer.
    await expect.poll(() => page.locator('[role=status]', { hasText: 'Đã nhập' }).count(), { timeout: 15_000 }).toBe(1)
    expect(await page.locator('[role=status]', { hasText: 'Đã nhập' }).textContent()).toContain('Đã nhập 3 câu')

    await page.goto('/quan-tri/cau-hoi')
    await page.getByLabel('Chủ đề', { exact: true }).selectOption({ label: TOPIC })
    await page.waitForURL(/topic=lich-su-dang-bo-tinh/)
    await page.getByLabel('Trạng thái').selectOption({ label: 'Nháp' })
    await expect.poll(() => page.locator('table.table tbody tr').count()).toBe(3)
    await page.getByRole('button', { name: /Chọn tất cả theo bộ lọc \(3 câu\)/ }).click()
    const bar = page.getByRole('region', { name: 'Thao tác hàng loạt' })
    await expect.poll(() => bar.textContent()).toContain('Đã chọn 3 câu hỏi.')
    expect(await page.getByRole('checkbox', { name: 'Chọn cả trang' }).isChecked()).toBe(true)
    await bar.getByRole('button', { name: 'Xuất bản' }).click()
    const dialog = page.getByRole('dialog', { name: 'Xuất bản các câu đã chọn?' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await shot(page, 'console-bulk-confirm')
    await dialog.getByRole('button', { name: 'Đồng ý' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã xuất bản' }).textContent()).toContain('3 câu hỏi thay đổi')
    // The drafts filter is empty now; the published one holds all three.
    await expect.poll(() => page.locator('table.table tbody').textContent()).toContain('Không có câu hỏi phù hợp.')
    await page.getByLabel('Trạng thái').selectOption({ label: 'Đã công bố' })
    await expect.poll(() => page.locator('table.table tbody tr').count()).toBe(3)
    expect(await page.locator('table.table tbody').textContent()).toContain(TOPIC)
    await shot(page, 'console-bulk-published')

    await page.getByRole('link', { name: 'Chủ đề', exact: true }).first().click()
    await page.waitForURL('**/quan-tri/chu-de')
    const row = page.locator('table.table tbody tr', { hasText: TOPIC })
    await expect.poll(() => row.locator('td.num').allTextContents()).toEqual(['3', '3'])
    await row.getByRole('button', { name: `Sửa chủ đề ${TOPIC}` }).click()
    await page.getByLabel('Mô tả (không bắt buộc)').fill('Câu hỏi do Ban Tuyên giáo tỉnh biên soạn')
    await page.getByRole('button', { name: 'Lưu' }).click()
    await expect.poll(() => row.textContent()).toContain('Câu hỏi do Ban Tuyên giáo tỉnh biên soạn')
    await shot(page, 'console-topics')
    await page.context().close()
  })

  it('the blueprint builder offers the new topic with its published count, and the round draws from it', async () => {
    const page = await consolePage()
    await page.goto(`/quan-tri/cuoc-thi/${state.contestId}/dot-moi`)
    await page.getByLabel('Tên đợt thi').fill('Tuần thi của tỉnh')
    await page.getByLabel('Thời gian làm bài (phút)').fill('10')
    await page.getByRole('button', { name: '+ Thêm dòng' }).click()
    await page.locator('#bp-topic-0').selectOption({ label: TOPIC })
    await page.locator('#bp-count-0').fill('3')
    await expect.poll(() => page.locator('.bp-have').first().textContent()).toBe('Có 3 câu')
    await page.locator('#bp-count-0').fill('4')
    await expect.poll(() => page.getByText(`${TOPIC}: cần 4, ngân hàng có 3`).isVisible()).toBe(true)
    await page.locator('#bp-count-0').fill('3')
    await page.locator('.bank-matrix summary').click()
    expect(await page.locator('.bank-matrix').textContent()).toContain(TOPIC)
    await shot(page, 'console-blueprint-topic')
    await page.getByRole('button', { name: 'Tạo đợt thi' }).click()
    await page.waitForURL(`**/quan-tri/cuoc-thi/${state.contestId}`)
    await page.context().close()

    const contest = await ok(new HttpClient(server.baseUrl).call('GET', `/contests/${state.contestId}`))
    const person = new HttpClient(server.baseUrl)
    await ok(person.call('POST', '/participants', {
      fullName: 'Nguyễn Văn Tỉnh', dateOfBirth: '1988-02-03', phone: '0900 777 001', unitId: state.unitId, password: 'matkhau-dai', consent: true,
    }), 201)
    const attempt = (await ok(person.call('POST', `/rounds/${contest.contest.rounds[0].id}/attempts`, {}), 201)).attempt
    expect(attempt.items.map((i: { stem: string }) => i.stem.slice(0, 22)).sort()).toEqual(['Câu thử nghiệm tỉnh ba', 'Câu thử nghiệm tỉnh ha', 'Câu thử nghiệm tỉnh mộ'])
    expect(errors).toEqual([])
  })
})
