import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpClient } from '../helpers/server-process'
import { DESKTOP, launchChromium, newContext, PHONE, shot, watchErrors } from './helpers/browser'
import { signInStaff } from './helpers/organizer'
import { ADMIN, ok, startServer, type TestServer } from './helpers/server'

// The organizer appoints a coordinator for one branch of the unit tree on the contest's console page; the
// coordinator signs in, lands on /dieu-phoi without the console's menu, sees the branch's members with who
// has taken the open round, and narrows the list to "Chưa thi".
const UNITS = [
  { code: 'DBK', name: 'Đảng bộ Khối các cơ quan tỉnh' },
  { code: 'GD', name: 'Đảng bộ Sở Giáo dục', parentCode: 'DBK', headcount: 40 },
  { code: 'GD1', name: 'Chi bộ Phòng Trung học', parentCode: 'GD', headcount: 25 },
  { code: 'GD2', name: 'Chi bộ Văn phòng Sở', parentCode: 'GD' },
  { code: 'YT', name: 'Đảng bộ Sở Y tế', parentCode: 'DBK' },
]
const PEOPLE = [
  { fullName: 'Nguyễn Thị Hoa', unit: 'GD1', takes: true },
  { fullName: 'Trần Văn Bình', unit: 'GD2', takes: false },
  { fullName: 'Lê Thị Yến', unit: 'YT', takes: true },
]
const COORDINATOR = { username: 'dieuphoi-gd', password: 'dieuphoi-secret-1', name: 'Phạm Văn Điều' }

let server: TestServer
let browser: Browser
const errors: string[] = []
const state = { contestId: '' }


async function setUp() {
  const admin = new HttpClient(server.baseUrl)
  await ok(admin.call('POST', '/sessions', { identifier: ADMIN.username, password: ADMIN.password }))
  state.contestId = (await ok(admin.call('POST', '/admin/contests', { title: 'Tìm hiểu Nghị quyết Đại hội', slug: 'dieu-phoi' }), 201)).contest.id
  const units = await ok(admin.call('POST', `/admin/contests/${state.contestId}/units`, { units: UNITS }))
  const unitId = Object.fromEntries(units.units.map((u: { code: string; id: string }) => [u.code, u.id]))
  const now = Date.now()
  const round = (await ok(admin.call('POST', `/admin/contests/${state.contestId}/rounds`, {
    title: 'Tuần 1', opensAt: new Date(now - 60_000).toISOString(), closesAt: new Date(now + 7 * 24 * 3600_000).toISOString(), questionCount: 3, timeLimitSec: 600,
  }), 201)).round
  await ok(admin.call('POST', `/admin/contests/${state.contestId}/publish`))
  for (const [i, p] of PEOPLE.entries()) {
    const client = new HttpClient(server.baseUrl)
    await ok(client.call('POST', '/participants', {
      fullName: p.fullName, dateOfBirth: '1985-04-30', phone: `0900 555 ${100 + i}`, unitId: unitId[p.unit], password: 'matkhau-dai', consent: true,
    }), 201)
    if (!p.takes) continue
    const attempt = (await ok(client.call('POST', `/rounds/${round.id}/attempts`, {}), 201)).attempt
    await ok(client.call('POST', `/attempts/${attempt.id}/submit`, {}))
  }
}

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  await setUp()
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('unit coordinators in the browser', () => {
  it('the organizer appoints a coordinator for a branch on the contest page', async () => {
    const context = await newContext(browser, server.baseUrl, DESKTOP)
    const page = await context.newPage()
    watchErrors(page, errors)
    await signInStaff(page)
    await page.goto(`/quan-tri/cuoc-thi/${state.contestId}`)
    const section = page.locator('section.coordinators')
    await expect.poll(() => section.getByRole('heading', { name: 'Điều phối viên', exact: true }).count()).toBe(1)
    expect(await section.textContent()).toContain('Chưa có điều phối viên nào.')
    await section.getByLabel('Tìm đơn vị (gõ có dấu hoặc không dấu)').fill('so giao duc')
    await section.getByRole('radio', { name: /^Đảng bộ Sở Giáo dục/ }).check()
    await section.getByLabel('Họ và tên').fill(COORDINATOR.name)
    await section.getByLabel('Tên đăng nhập').fill(COORDINATOR.username)
    await section.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(COORDINATOR.password)
    await section.getByRole('button', { name: 'Thêm điều phối viên' }).click()
    await expect.poll(() => section.getByRole('status').textContent()).toContain(`Đã thêm điều phối viên ${COORDINATOR.username}`)
    const row = section.locator('#coordinators-table tbody tr')
    await expect.poll(() => row.count()).toBe(1)
    expect(await row.textContent()).toContain('Đảng bộ Sở Giáo dục')
    expect(await row.textContent()).toContain('Đang điều phối')
    await shot(page, 'coordinator-appointed')
    await context.close()
  })

  it('the coordinator signs in, lands on their units without the console, and filters "Chưa thi"', async () => {
    const context = await newContext(browser, server.baseUrl, DESKTOP)
    const page = await context.newPage()
    watchErrors(page, errors)
    await page.goto('/dang-nhap')
    await page.getByLabel('Số điện thoại, số CCCD hoặc tên đăng nhập').fill(COORDINATOR.username)
    await page.getByLabel('Mật khẩu').fill(COORDINATOR.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.waitForURL('**/dieu-phoi')
    await expect.poll(() => page.getByRole('heading', { name: 'Điều phối đơn vị' }).count()).toBe(1)
    expect(await page.getByRole('link', { name: 'Quản trị' }).count()).toBe(0)
    expect(await page.locator('.console-nav').count()).toBe(0)
    // The branch and its two cells; nothing of Y tế.
    const tree = page.getByRole('navigation', { name: 'Cây đơn vị' })
    expect(await tree.getByRole('button').allTextContents()).toEqual(['Đảng bộ Sở Giáo dục', 'Chi bộ Phòng Trung học', 'Chi bộ Văn phòng Sở'])
    await expect.poll(() => page.locator('#members-counts').textContent()).toContain('Đã thi: 1 / 2 người đăng ký · Số đảng viên: 40')
    const names = () => page.locator('#members-table tbody tr td:first-child').allTextContents()
    await expect.poll(names).toEqual(['Trần Văn Bình', 'Nguyễn Thị Hoa'])
    expect(await page.locator('#members-table tbody').textContent()).not.toContain('Lê Thị Yến')
    await page.getByRole('tab', { name: 'Chưa thi' }).click()
    await page.waitForURL(/took=false/)
    await expect.poll(names).toEqual(['Trần Văn Bình'])
    expect(await page.locator('#members-table tbody tr').first().textContent()).toContain('Chưa thi')
    await shot(page, 'coordinator-not-taken')
    // A cell of the branch: its own member only.
    await tree.getByRole('button', { name: 'Chi bộ Phòng Trung học' }).click()
    await page.getByRole('tab', { name: 'Tất cả' }).click()
    await expect.poll(names).toEqual(['Nguyễn Thị Hoa'])
    // The console sends a coordinator back to their own page.
    await page.goto('/quan-tri')
    await page.waitForURL('**/dieu-phoi')
    await context.close()
    expect(errors).toEqual([])
  })

  it('fits a phone: nothing wider than the screen, the tree above the list', async () => {
    const context = await newContext(browser, server.baseUrl, PHONE)
    expect((await context.request.post('/api/sessions', { data: { identifier: COORDINATOR.username, password: COORDINATOR.password } })).status()).toBe(200)
    const page = await context.newPage()
    watchErrors(page, errors)
    await page.goto('/dieu-phoi?took=false')
    await expect.poll(() => page.locator('#members-table tbody tr').count()).toBe(1)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width)
    const tree = await page.getByRole('navigation', { name: 'Cây đơn vị' }).boundingBox()
    const list = await page.locator('#members-table').boundingBox()
    expect(tree!.y + tree!.height).toBeLessThanOrEqual(list!.y)
    await shot(page, 'coordinator-phone')
    await context.close()
    expect(errors).toEqual([])
  })
})
