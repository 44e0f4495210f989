import type { Browser, BrowserContext, Page } from 'playwright-core'
import { chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, DESKTOP, shot, watchErrors } from './helpers/browser'
import { signInStaff } from './helpers/organizer'
import { startServer, type TestServer } from './helpers/server'

// The round form's times in a browser whose language and time zone are not Vietnam's: an en-US Chromium
// in New York would show datetime-local as mm/dd/yyyy, 11:37 AM; the form still reads dd/mm/yyyy and
// 24 h Hà Nội time.
let server: TestServer
let browser: Browser
let context: BrowserContext
let page: Page
const errors: string[] = []

beforeAll(async () => {
  server = await startServer()
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--lang=en-US', '--no-first-run', '--disable-component-update'] })
  context = await browser.newContext({ ...DESKTOP, baseURL: server.baseUrl, locale: 'en-US', timezoneId: 'America/New_York' })
  context.setDefaultTimeout(15_000)
  page = await context.newPage()
  watchErrors(page, errors)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('round form date and time', () => {
  it('typing 07/12/2026 21:30 in an en-US browser opens the round at 21:30 Hà Nội time', async () => {
    expect(await page.evaluate(() => navigator.language)).toBe('en-US')
    await signInStaff(page)
    const made = await page.request.post('/api/admin/contests', { data: { title: 'Hội thi kiểm tra ô ngày giờ' } })
    expect(made.status()).toBe(201)
    const contestId = ((await made.json()) as { contest: { id: string } }).contest.id

    await page.goto(`/quan-tri/cuoc-thi/${contestId}/dot-moi`)
    await page.getByLabel('Tên đợt thi').fill('Tuần kiểm tra ngày giờ')
    await page.getByLabel('Số câu hỏi').fill('1')
    // A day that does not exist is named in Vietnamese and nothing is sent.
    await page.locator('#round-opens-date').fill('31/02/2026')
    await page.locator('#round-opens-time').fill('21:30')
    await expect.poll(() => page.locator('#round-opens-error').textContent()).toContain('Ngày "31/02/2026" không hợp lệ')
    await page.getByRole('button', { name: 'Tạo đợt thi' }).click()
    await expect.poll(() => page.getByText('"Mở lúc": hãy nhập ngày dạng dd/mm/yyyy').isVisible()).toBe(true)

    await page.locator('#round-opens-date').fill('07/12/2026')
    await page.locator('#round-closes-date').fill('14/12/2026')
    await page.locator('#round-closes-time').fill('0800')
    await shot(page, 'console-round-dates-en-us')
    await page.getByRole('button', { name: 'Tạo đợt thi' }).click()
    await page.waitForURL(`**/quan-tri/cuoc-thi/${contestId}`)

    const contest = (await (await page.request.get(`/api/admin/contests/${contestId}`)).json()) as { contest: { rounds: { opensAt: string; closesAt: string }[] } }
    expect(contest.contest.rounds.map((r) => [r.opensAt, r.closesAt])).toEqual([['2026-12-07T14:30:00.000Z', '2026-12-14T01:00:00.000Z']])
    expect(errors).toEqual([])
  })
})
