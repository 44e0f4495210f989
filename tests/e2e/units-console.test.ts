import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP, launchChromium, newContext, shot, watchErrors } from './helpers/browser'
import { signInStaff, UNITS_CSV } from './helpers/organizer'
import { startServer, type TestServer } from './helpers/server'

let server: TestServer
let browser: Browser
let context: BrowserContext
let page: Page
const errors: string[] = []
const WAIT = { timeout: 15_000 }

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  context = await newContext(browser, server.baseUrl, DESKTOP)
  page = await context.newPage()
  watchErrors(page, errors)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the units console', () => {
  it('imports, shows summed members on the parent, searches, folds and deletes an unused unit', async () => {
    await signInStaff(page)
    const made = await page.request.post('/api/admin/contests', { data: { title: 'Hội thi kiểm tra cây đơn vị' } })
    const contestId = ((await made.json()) as { contest: { id: string } }).contest.id
    await page.goto(`/quan-tri/cuoc-thi/${contestId}/don-vi`)
    await page.getByLabel('Hoặc dán nội dung CSV').fill(UNITS_CSV)
    await page.getByRole('button', { name: 'Nhập đơn vị' }).click()
    await expect.poll(() => page.locator('.unit-tree li').count(), WAIT).toBe(4)
    const parent = page.locator('.unit-tree li').filter({ hasText: 'Đảng bộ Khối thử nghiệm' })
    expect(await parent.textContent()).toContain('47 thành viên (tổng các đơn vị con)')

    await page.getByLabel(/Tìm đơn vị \(tên, mã/).fill('hanh chinh')
    await expect.poll(() => page.locator('.unit-tree li').count(), WAIT).toBe(2) // the match and the unit above it
    await page.getByLabel(/Tìm đơn vị \(tên, mã/).fill('')
    await page.getByRole('button', { name: 'Thu gọn Đảng bộ Khối thử nghiệm' }).click()
    await expect.poll(() => page.locator('.unit-tree li').count(), WAIT).toBe(1)
    await page.getByRole('button', { name: 'Mở Đảng bộ Khối thử nghiệm' }).click()

    // The parent cannot go (it has children); a leaf can.
    await page.getByRole('button', { name: 'Xóa Đảng bộ Khối thử nghiệm' }).click()
    await page.locator('#confirm-delete-unit').click()
    await expect.poll(() => page.getByRole('alert').first().textContent(), WAIT).toContain('còn 3 đơn vị trực thuộc')
    await page.getByRole('button', { name: 'Xóa Chi bộ Phòng Hành chính' }).click()
    await page.locator('#confirm-delete-unit').click()
    await expect.poll(() => page.locator('.unit-tree li').count(), WAIT).toBe(3)
    expect(await parent.textContent()).toContain('32 thành viên (tổng các đơn vị con)')

    // The parent picker filters as one types and shows each unit's path.
    await page.getByLabel('Tìm đơn vị (gõ có dấu hoặc không dấu)').fill('tai chinh')
    await expect.poll(() => page.locator('.unit-picker .unit-option').filter({ hasText: 'Chi bộ Phòng Tài chính, Kế toán · Đảng bộ Khối thử nghiệm' }).count(), WAIT).toBe(1)
    await shot(page, 'console-units-tree')
    expect(errors).toEqual([])
  })
})
