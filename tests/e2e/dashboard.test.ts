import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpClient } from '../helpers/server-process'
import { DESKTOP, launchChromium, newContext, PHONE, shot, watchErrors } from './helpers/browser'
import { ADMIN, ok, startServer, type TestServer } from './helpers/server'

// The organizer's contest dashboard (issue 15) in a real browser: the charts are drawn, and their text
// alternatives (the SVG's label, the bars' labels, the tables) carry the numbers the API computed.
const UNITS = [
  { code: 'T', name: 'Đảng bộ Khối Tỉnh' },
  { code: 'S', name: 'Đảng bộ Sở Tư pháp', parentCode: 'T', headcount: 4 },
  { code: 'N', name: 'Đảng bộ Sở Nội vụ', parentCode: 'T', headcount: 10 },
  { code: 'V', name: 'Chi bộ Văn phòng', parentCode: 'N', headcount: 8 },
]
// Who registers where, and whether they finish an attempt: Sở Tư pháp 2 of 4 take part (50%), Sở Nội vụ 1 of
// 10 (10%, through its Chi bộ Văn phòng: 1 of 8, 12,5%); one more in Văn phòng registers and only starts.
const PEOPLE = [
  { unit: 'S', finish: true }, { unit: 'S', finish: true }, { unit: 'V', finish: true }, { unit: 'V', finish: false }, { unit: 'N', finish: null },
]

let server: TestServer
let browser: Browser
const errors: string[] = []
const state = { contestId: '', roundId: '', firstId: '' }
const iso = (ms: number) => new Date(ms).toISOString()
const today = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date())


async function setUp() {
  const admin = new HttpClient(server.baseUrl)
  await ok(admin.call('POST', '/sessions', { identifier: ADMIN.username, password: ADMIN.password }))
  state.contestId = (await ok(admin.call('POST', '/admin/contests', { title: 'Hội thi Tìm hiểu Nghị quyết' }), 201)).contest.id
  const units = await ok(admin.call('POST', `/admin/contests/${state.contestId}/units`, { units: UNITS }))
  const unit = Object.fromEntries(units.units.map((u: { code: string; id: string }) => [u.code, u.id]))
  const now = Date.now()
  state.roundId = (await ok(admin.call('POST', `/admin/contests/${state.contestId}/rounds`, {
    title: 'Tuần 1', opensAt: iso(now - 60_000), closesAt: iso(now + 7 * 86_400_000), questionCount: 3, timeLimitSec: 600,
  }), 201)).round.id
  await ok(admin.call('POST', `/admin/contests/${state.contestId}/publish`))
  for (const [i, p] of PEOPLE.entries()) {
    const client = new HttpClient(server.baseUrl)
    const body = await ok(client.call('POST', '/participants', {
      fullName: `Hoàng Minh Châu ${i + 1}`, dateOfBirth: '1988-09-02', phone: `0900 555 ${100 + i}`, unitId: unit[p.unit], password: 'matkhau-dai', consent: true,
    }), 201)
    if (i === 0) state.firstId = body.participant.id
    if (p.finish === null) continue
    const attempt = (await ok(client.call('POST', `/rounds/${state.roundId}/attempts`, {}), 201)).attempt
    if (p.finish) await ok(client.call('POST', `/attempts/${attempt.id}/submit`, {}))
  }
}

async function asOrganizer(device: typeof DESKTOP | typeof PHONE): Promise<Page> {
  const context = await newContext(browser, server.baseUrl, device)
  expect((await context.request.post('/api/sessions', { data: { identifier: ADMIN.username, password: ADMIN.password } })).status()).toBe(200)
  const page = await context.newPage()
  watchErrors(page, errors)
  return page
}

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  await setUp()
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('the contest dashboard', () => {
  it('draws registrations and attempts per day, participation per unit and the rounds, with the numbers in words', async () => {
    const page = await asOrganizer(DESKTOP)
    await page.goto(`/quan-tri/cuoc-thi/${state.contestId}`)
    await page.getByRole('link', { name: 'Tổng quan cuộc thi' }).click()
    await page.waitForURL(/\/tong-quan$/)

    const days = page.locator('.days-chart svg[role="img"]')
    await expect.poll(() => days.count()).toBe(1)
    expect(await days.getAttribute('aria-label')).toBe(
      `Theo ngày (giờ Hà Nội), ngày ${today()}: tổng 5 lượt đăng ký, 4 lượt thi bắt đầu, 3 lượt thi hoàn thành. Bảng số liệu ở ngay dưới.`)
    expect(await days.locator('rect').count()).toBe(3)
    await page.locator('.days-table summary').click()
    expect(await page.locator('.days-table tbody tr').allTextContents()).toEqual([`${today()}543`])

    // One root: its children are the level shown, furthest behind first.
    expect(await page.locator('#units-level').inputValue()).toBe('1')
    const bars = page.locator('.dashboard-units .bar-track')
    expect(await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
      'Đảng bộ Sở Nội vụ: 1 người, 10,0%', 'Đảng bộ Sở Tư pháp: 2 người, 50,0%',
    ])
    await page.getByLabel('Cấp đơn vị').selectOption('2')
    expect(await bars.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(['Chi bộ Văn phòng: 1 người, 12,5%'])
    await page.getByLabel('Cấp đơn vị').selectOption('0')
    await page.locator('.units-table summary').click()
    expect(await page.locator('.units-table tbody tr').allTextContents()).toEqual(['Đảng bộ Khối Tỉnh531421,4%Excel'])
    // Each unit's people, its subtree included, one click away as a file.
    const file = await page.getByRole('link', { name: 'Tải danh sách thí sinh của Đảng bộ Khối Tỉnh (Excel)' }).getAttribute('href')
    expect((await page.request.get(file!)).headers()['content-type']).toContain('spreadsheetml')

    const round = page.locator(`.dashboard-rounds tr[data-round="${state.roundId}"] td`)
    expect((await round.allTextContents()).slice(2)).toEqual(['4', '3', '3', '0 / 3'])
    await shot(page, 'console-dashboard')
    expect(errors).toEqual([])
  })

  it('fits a phone screen', async () => {
    const page = await asOrganizer(PHONE)
    await page.goto(`/quan-tri/cuoc-thi/${state.contestId}/tong-quan`)
    await expect.poll(() => page.locator('.days-chart svg[role="img"]').count()).toBe(1)
    await shot(page, 'console-dashboard-phone')
    // Nothing reaches past the screen, the top bar included; wide tables scroll inside their own frame.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.viewport.width)
    const wide = await page.evaluate((w) => [...document.querySelectorAll('.dashboard *')]
      .filter((e) => !e.closest('.table-wrap') && e.getBoundingClientRect().right > w + 0.5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`).slice(0, 5), PHONE.viewport.width)
    expect(wide).toEqual([])
    expect(errors).toEqual([])
  })
})

describe('the people list and a person page', () => {
  it('filters who has not taken a round, exports the filter, and corrects a name seen on the leaderboard', async () => {
    const page = await asOrganizer(DESKTOP)
    await page.goto(`/quan-tri/thi-sinh?contest=${state.contestId}`)
    await expect.poll(() => page.locator('table.people-list tbody tr').count()).toBe(5)
    await page.getByLabel('Đã thi', { exact: true }).selectOption('no')
    await page.getByRole('button', { name: 'Lọc' }).click()
    await expect.poll(() => page.locator('table.people-list tbody tr').count()).toBe(2)
    expect(await page.locator('.people-count').textContent()).toBe('2 thí sinh.')
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(`/api/admin/contests/${state.contestId}/people.csv?took=no`)
    await shot(page, 'console-people-list')

    await page.goto(`/quan-tri/thi-sinh/${state.firstId}`)
    await expect.poll(() => page.locator('table.person-attempts tbody tr').count()).toBe(1)
    expect(await page.locator('table.person-attempts tbody tr td').nth(5).textContent()).toBe('Đã nộp')
    await page.getByLabel('Họ và tên').fill('Hoàng Minh Châu Đã Sửa')
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã lưu')
    await expect.poll(() => page.locator('h1').textContent()).toBe('Hoàng Minh Châu Đã Sửa')
    const board = await (await page.request.get(`/api/rounds/${state.roundId}/leaderboard`)).json()
    expect(board.entries.map((e: { fullName: string }) => e.fullName)).toContain('Hoàng Minh Châu Đã Sửa')
    await shot(page, 'console-person')
    expect(errors).toEqual([])
  })
})
