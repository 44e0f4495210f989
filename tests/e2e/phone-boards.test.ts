import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpClient } from '../helpers/server-process'
import { launchChromium, shot, watchErrors } from './helpers/browser'
import { ADMIN, ok, startServer, type TestServer } from './helpers/server'

// The participant's boards and results on the two phone sizes that matter (360 × 740 and 390 × 844), over a
// contest set up through the API: 25 people, a three-level unit tree, one finalized round with prizes and one
// open round. Every page a participant opens is watched for console errors.
// Each size has its own newcomer to round 2 (index into the people), who has not started it yet.
const SIZES = [{ width: 360, height: 740, newcomer: 5 }, { width: 390, height: 844, newcomer: 6 }]
const PEOPLE = 25
const READABLE_PX = 140 // about 18 characters of a name or unit at the board's font size

const UNITS = [
  { code: 'DBK', name: 'Đảng bộ Khối các cơ quan tỉnh' },
  { code: 'GD', name: 'Đảng bộ Sở Giáo dục và Đào tạo tỉnh Thái Nguyên', parentCode: 'DBK' },
  { code: 'YT', name: 'Đảng bộ Sở Y tế', parentCode: 'DBK' },
  { code: 'TC', name: 'Đảng bộ Sở Tài chính', parentCode: 'DBK' },
  { code: 'GD1', name: 'Chi bộ Phòng Giáo dục Trung học và Giáo dục Thường xuyên', parentCode: 'GD', headcount: 30 },
  { code: 'GD2', name: 'Chi bộ Văn phòng Sở', parentCode: 'GD', headcount: 12 },
  { code: 'YT1', name: 'Chi bộ Phòng Nghiệp vụ Y', parentCode: 'YT', headcount: 10 },
  { code: 'YT2', name: 'Chi bộ Văn phòng', parentCode: 'YT', headcount: 9 },
  { code: 'TC1', name: 'Chi bộ Phòng Quản lý Ngân sách', parentCode: 'TC', headcount: 15 },
]
const LEAVES = ['GD1', 'GD2', 'YT1', 'YT2', 'TC1']

type Person = { id: string; phone: string; client: HttpClient; attemptId: string }

let server: TestServer
let browser: Browser
const state = { contestId: '', slug: 'thi-tren-dien-thoai', closed: '', open: '', units: {} as Record<string, string>, people: [] as Person[], winner: '', last: '' }
const consoleErrors: string[] = []

const iso = (ms: number) => new Date(ms).toISOString()


async function setUp() {
  const admin = new HttpClient(server.baseUrl)
  await ok(admin.call('POST', '/sessions', { identifier: ADMIN.username, password: ADMIN.password }))
  state.contestId = (await ok(admin.call('POST', '/admin/contests', { title: 'Hội thi trên điện thoại', slug: state.slug }), 201)).contest.id
  const units = await ok(admin.call('POST', `/admin/contests/${state.contestId}/units`, { units: UNITS }))
  state.units = Object.fromEntries(units.units.map((u: { code: string; id: string }) => [u.code, u.id]))
  const start = Date.now()
  // The first round closes 20 s from now: everyone finishes before, then a judge finalizes it.
  const closesAt = start + 20_000
  const round = (title: string, closes: number, extra = {}) => ok(admin.call('POST', `/admin/contests/${state.contestId}/rounds`, {
    title, opensAt: iso(start - 60_000), closesAt: iso(closes), questionCount: 3, timeLimitSec: 600, graceSec: 0, ...extra,
  }), 201)
  state.closed = (await round('Tuần 1', closesAt, { prediction: { enabled: true, target: 'participants' }, prizes: [{ name: 'Giải Nhất', count: 1 }, { name: 'Giải Nhì', count: 1 }, { name: 'Giải Ba', count: 1 }] })).round.id
  state.open = (await round('Tuần 2', start + 7 * 24 * 3600_000)).round.id
  await ok(admin.call('POST', `/admin/contests/${state.contestId}/publish`))
  for (let i = 0; i < PEOPLE; i++) {
    const client = new HttpClient(server.baseUrl)
    const phone = `0900 777 ${String(100 + i)}`
    const body = await ok(client.call('POST', '/participants', {
      fullName: `Nguyễn Thị Thanh Hương ${i + 1}`, dateOfBirth: '1990-01-15', phone, unitId: state.units[LEAVES[i % LEAVES.length]],
      password: 'matkhau-dai', consent: true,
    }), 201)
    const attempt = (await ok(client.call('POST', `/rounds/${state.closed}/attempts`, {}), 201)).attempt
    state.people.push({ id: body.participant.id, phone, client, attemptId: attempt.id })
  }
  // Nobody answers; everyone guesses the 25 participants right but the last, who also submits last.
  for (const [i, p] of state.people.entries()) {
    const last = i === PEOPLE - 1
    if (last) await new Promise((r) => setTimeout(r, 1500))
    await ok(p.client.call('POST', `/attempts/${p.attemptId}/submit`, { prediction: last ? 1000 : PEOPLE }))
  }
  if (Date.now() >= closesAt) throw new Error('setting up took longer than the round was open')
  await new Promise((r) => setTimeout(r, closesAt - Date.now() + 1000))
  await ok(admin.call('POST', `/admin/rounds/${state.closed}/finalize`, {}))
  const prizes = await ok(admin.call('GET', `/rounds/${state.closed}/prizes`))
  state.winner = prizes.prizes[0].participantId
  state.last = state.people[PEOPLE - 1].id
}

async function phoneAs(participantId: string, { width, height }: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, baseURL: server.baseUrl, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  context.setDefaultTimeout(15_000)
  const person = state.people.find((p) => p.id === participantId)!
  expect((await context.request.post('/api/sessions', { data: { identifier: person.phone, password: 'matkhau-dai' } })).status()).toBe(200)
  const page = await context.newPage()
  watchErrors(page, consoleErrors)
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`) })
  return { context, page }
}

// Nothing wider than the screen, and no name or unit cell on a board narrower than a readable width.
async function checkFits(page: Page, width: number, what: string) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth), what).toBeLessThanOrEqual(width)
  const cells = await page.locator('.leaderboard td.who').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)))
  expect(cells.length, what).toBeGreaterThan(0)
  expect(Math.min(...cells), what).toBeGreaterThanOrEqual(READABLE_PX)
  // Nor is anything cut off or scrolled sideways inside a board.
  const hidden = await page.locator('.table-wrap').evaluateAll((els) => els.map((e) => e.scrollWidth - e.clientWidth))
  expect(Math.max(...hidden), what).toBeLessThanOrEqual(0)
}

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  await setUp()
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe.each(SIZES)('on a $width × $height phone', (size) => {
  const tag = `phone-${size.width}`

  it('pins "Vị trí của bạn" on the round and contest boards and shows her highlighted row on page 2', async () => {
    const { context, page } = await phoneAs(state.last, size)
    await page.goto(`/bang-xep-hang/dot/${state.closed}`)
    const bar = page.getByTestId('my-place')
    await expect.poll(() => bar.textContent()).toContain(`Vị trí của bạn: hạng ${PEOPLE}/${PEOPLE} (chính thức)`)
    // Podium colours follow the rank: three on page 1, none on page 2.
    await expect.poll(() => page.locator('.leaderboard tbody tr').count()).toBe(20)
    expect(await page.locator('.leaderboard tr.podium').count()).toBe(3)
    await checkFits(page, size.width, 'round board, page 1')
    await page.getByRole('button', { name: 'Xem trên bảng' }).click()
    await page.waitForURL(/tu=20/)
    const mine = page.locator('.leaderboard tr.mine')
    await expect.poll(() => mine.count()).toBe(1)
    expect(await mine.getAttribute('aria-current')).toBe('true')
    expect(await mine.locator('.rank').textContent()).toBe(String(PEOPLE))
    expect(await page.locator('.leaderboard tr.podium').count()).toBe(0)
    // The finalized board's prediction errors: a labelled line under each entry, not a column off-screen.
    expect(await page.locator('.leaderboard td.extra[data-label="Sai số dự đoán"]').allTextContents()).toEqual(['0', '0', '0', '0', '975'])
    await checkFits(page, size.width, 'round board, page 2')
    // Scrolled down the page, the bar is still on screen.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
    const box = await bar.boundingBox()
    expect(box && box.y >= 0 && box.y < size.height).toBe(true)
    await shot(page, `${tag}-board-page2-mine`, false)

    await page.goto(`/bang-xep-hang/cuoc-thi/${state.contestId}`)
    await expect.poll(() => page.getByTestId('my-place').textContent()).toContain(`Vị trí của bạn: hạng ${PEOPLE}/${PEOPLE}`)
    await checkFits(page, size.width, 'contest board')
    await context.close()
  })

  it('ranks units among peers, one level at a time, with breadcrumbs back up', async () => {
    const { context, page } = await phoneAs(state.last, size)
    await page.goto(`/bang-xep-hang/dot/${state.closed}?tab=don-vi`)
    const crumbs = page.getByRole('navigation', { name: 'Cấp đơn vị' })
    await expect.poll(() => crumbs.textContent()).toBe('Đảng bộ Khối các cơ quan tỉnh')
    const rows = page.locator('.leaderboard.units tbody tr')
    await expect.poll(() => rows.count()).toBe(3)
    expect(await rows.locator('.rank').allTextContents()).toEqual(['1', '2', '3'])
    expect(await rows.locator('.name').allTextContents()).not.toContain('Đảng bộ Khối các cơ quan tỉnh')
    await checkFits(page, size.width, 'units, first level')
    await shot(page, `${tag}-units-level-1`, false)
    const gd = rows.filter({ hasText: 'Đảng bộ Sở Giáo dục và Đào tạo tỉnh Thái Nguyên' })
    await gd.getByRole('button', { name: 'Xếp hạng các đơn vị trực thuộc ›' }).click()
    await expect.poll(() => crumbs.textContent()).toBe('Đảng bộ Khối các cơ quan tỉnh›Đảng bộ Sở Giáo dục và Đào tạo tỉnh Thái Nguyên'.replace('›', ''))
    await expect.poll(() => rows.count()).toBe(2)
    expect(await rows.locator('.rank').allTextContents()).toEqual(['1', '2'])
    expect((await rows.locator('.name').allTextContents()).sort()).toEqual(['Chi bộ Phòng Giáo dục Trung học và Giáo dục Thường xuyên', 'Chi bộ Văn phòng Sở'])
    await checkFits(page, size.width, 'units, second level')
    await shot(page, `${tag}-units-level-2`, false)
    await crumbs.getByRole('button', { name: 'Đảng bộ Khối các cơ quan tỉnh' }).click()
    await expect.poll(() => rows.count()).toBe(3)
    await context.close()
  })

  it('shows the winner her official result and prize on the result page, the contest page and "Lượt thi của tôi"', async () => {
    const { context, page } = await phoneAs(state.winner, size)
    const attemptId = state.people.find((p) => p.id === state.winner)!.attemptId
    await page.goto(`/luot-thi/${attemptId}`)
    await expect.poll(() => page.getByTestId('official').textContent()).toBe(`Kết quả chính thức: hạng 1/${PEOPLE}. Bạn đạt Giải Nhất.`)
    expect(await page.getByText('có thể thay đổi').count()).toBe(0)
    await shot(page, `${tag}-result-prize`)
    await page.goto(`/cuoc-thi/${state.slug}`)
    const results = page.getByTestId('my-results')
    await expect.poll(() => results.textContent()).toContain('Giải Nhất · Tuần 1 (hạng 1)')
    expect(await results.textContent()).toContain(`Toàn cuộc thi: hạng 1/${PEOPLE} (tạm thời`)
    await expect.poll(() => page.locator('.round').first().getByTestId('official').textContent()).toContain('Bạn đạt Giải Nhất.')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
    await shot(page, `${tag}-contest-prize`)
    await page.goto('/luot-thi-cua-toi')
    await expect.poll(() => page.getByTestId('official').textContent()).toBe(`Kết quả chính thức: hạng 1/${PEOPLE}. Bạn đạt Giải Nhất.`)
    await shot(page, `${tag}-my-attempts-prize`)
    await context.close()
  })

  it('opens a round on a start screen: no attempt exists until "Bắt đầu làm bài"', async () => {
    const { context, page } = await phoneAs(state.people[size.newcomer].id, size)
    await page.goto(`/cuoc-thi/${state.slug}`)
    await page.locator('.round').filter({ hasText: 'Tuần 2' }).getByRole('link', { name: 'Vào thi' }).click()
    await page.waitForURL(`**/dot-thi/${state.open}/vao-thi`)
    const start = page.getByRole('button', { name: 'Bắt đầu làm bài' })
    await expect.poll(() => start.isVisible()).toBe(true)
    expect(await page.locator('.start-facts').textContent()).toContain('Lượt thi thứ 1')
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width)
    await shot(page, `${tag}-start-screen`)
    const before = await (await context.request.get(`/api/me/attempts?roundId=${state.open}`)).json()
    expect(before.attempts).toEqual([])
    await start.click()
    await page.waitForURL('**/luot-thi/*')
    const after = await (await context.request.get(`/api/me/attempts?roundId=${state.open}`)).json()
    expect(after.attempts).toHaveLength(1)
    await context.close()
  })

  it('logged no console error on any participant page', () => {
    expect(consoleErrors).toEqual([])
  })
})
