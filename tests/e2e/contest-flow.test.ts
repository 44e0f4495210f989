import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP, launchChromium, newContext, PHONE, shot, watchErrors } from './helpers/browser'
import { activityTotals, disqualifyAndRestore, download, finalize } from './helpers/judge'
import { createContest, createJudge, createRound, editContest, importUnits, issuePassword, JUDGE, UNIT_PRIZE, publish, signInStaff, topicsWithQuestions } from './helpers/organizer'
import { attemptIdOf, choose, chosenKeys, goTo, question, register, signInAgain, submitWithPrediction, type Person } from './helpers/participant'
import { startServer, type TestServer } from './helpers/server'

// One contest from start to end, through the browser only: an organizer sets it up on a desktop,
// a participant takes it on a phone (reload and a network drop included), a second one moves the public
// board live, and a judge finalizes the round and downloads the results. Steps share the contest, in order.
const AN: Person = { fullName: 'Nguyễn Văn An', dob: '17/05/1990', phone: '0900 000 101', unitQuery: 'phong tong hop', unitName: /Chi bộ Phòng Tổng hợp/, password: 'matkhau-an' }
const BINH: Person = { fullName: 'Trần Thị Bình', dob: '02/11/1988', phone: '0900 000 102', unitQuery: 'hành chính', unitName: /Chi bộ Phòng Hành chính/, password: 'matkhau-binh' }

let server: TestServer
let browser: Browser
let staff: BrowserContext
let staffPage: Page
let phone: BrowserContext
let phonePage: Page
const errors: string[] = []
const participantScripts: string[] = []
const staffScripts: string[] = []
const state = { contestId: '', roundId: '', attemptId: '' }

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  staff = await newContext(browser, server.baseUrl, DESKTOP)
  staffPage = await staff.newPage()
  phone = await newContext(browser, server.baseUrl, PHONE)
  phonePage = await phone.newPage()
  watchErrors(staffPage, errors)
  watchErrors(phonePage, errors)
  phone.on('request', (r) => { if (r.resourceType() === 'script') participantScripts.push(r.url()) })
  staff.on('request', (r) => { if (r.resourceType() === 'script') staffScripts.push(r.url()) })
})

// A failed step leaves pictures of both screens, to see what the browser showed.
afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return
  const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)
  await shot(staffPage, `failed-${name}-staff`).catch(() => undefined)
  await shot(phonePage, `failed-${name}-phone`).catch(() => undefined)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('a whole contest in the browser', () => {
  it('an organizer creates the contest, imports units, builds a round from the bank and publishes', async () => {
    await signInStaff(staffPage)
    const topics = await topicsWithQuestions(staffPage, 3)
    state.contestId = await createContest(staffPage, 'hoi-thi-e2e')
    await importUnits(staffPage)
    await createRound(staffPage, state.contestId, topics)
    await publish(staffPage)
    await editContest(staffPage, 'Cuộc thi tìm hiểu 95 năm lịch sử Đảng, dành cho đảng viên trong Khối.')
    const contest = await (await staffPage.request.get(`/api/admin/contests/${state.contestId}`)).json()
    state.roundId = contest.contest.rounds[0].id
    expect(contest.contest.rounds[0].blueprint).toHaveLength(2)
    await createJudge(staffPage)
    expect(errors).toEqual([])
  })

  it('a participant registers on a phone with clear field errors and a searchable unit picker', async () => {
    await phonePage.goto('/')
    await phonePage.waitForURL('**/cuoc-thi/hoi-thi-e2e')
    await expect.poll(() => phonePage.getByText('Tuần thi thứ nhất').first().isVisible()).toBe(true)
    expect(await phonePage.getByRole('timer').first().textContent()).toMatch(/\d+ ngày \d{2}:\d{2}:\d{2}/)
    await shot(phonePage, 'phone-contest-home')
    await phonePage.getByRole('link', { name: 'Đăng ký dự thi' }).click()
    await phonePage.getByRole('button', { name: 'Đăng ký', exact: true }).click()
    await expect.poll(() => phonePage.getByText('Vui lòng sửa các ô được đánh dấu bên dưới.').isVisible()).toBe(true)
    expect(await phonePage.getByText('Cần đồng ý để đăng ký dự thi.').isVisible()).toBe(true)
    expect(await phonePage.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(4)
    await shot(phonePage, 'phone-register-errors')
    await register(phonePage, AN)
    await shot(phonePage, 'phone-contest-signed-in')
  })

  it('shows a start screen first: no attempt exists until "Bắt đầu làm bài"', async () => {
    await phonePage.getByRole('link', { name: 'Vào thi' }).click()
    await phonePage.waitForURL('**/dot-thi/*/vao-thi')
    await expect.poll(() => phonePage.getByRole('button', { name: 'Bắt đầu làm bài' }).isVisible()).toBe(true)
    const facts = await phonePage.locator('.start-facts').textContent()
    expect(facts).toContain('Lượt thi thứ 1')
    expect(facts).toContain('5 câu hỏi')
    expect(facts).toContain('câu hỏi dự đoán')
    expect(facts).toContain('chọn đúng và đủ')
    await shot(phonePage, 'phone-start-screen')
    const mine = await (await phone.request.get(`/api/me/attempts?roundId=${state.roundId}`)).json()
    expect(mine.attempts).toEqual([])
    expect(errors).toEqual([])
  })

  it('takes the round: answers save at once, survive a reload, and a network drop only queues them', async () => {
    await phonePage.getByRole('button', { name: 'Bắt đầu làm bài' }).click()
    await phonePage.waitForURL('**/luot-thi/*')
    state.attemptId = attemptIdOf(phonePage)
    const picked: string[][] = []
    for (const pos of [1, 2, 3]) {
      await goTo(phonePage, pos)
      await choose(phonePage, pos - 1)
      picked.push(await chosenKeys(phonePage))
    }
    // The timer ticks in a box of fixed width: no layout shift.
    const timer = phonePage.locator('.quiz-bar [role="timer"]')
    const before = await timer.boundingBox()
    await phonePage.waitForTimeout(1100)
    expect((await timer.boundingBox())?.width).toBe(before?.width)
    await shot(phonePage, 'phone-quiz-question', false)

    await phonePage.reload()
    for (const pos of [1, 2, 3]) {
      await goTo(phonePage, pos)
      expect(await chosenKeys(phonePage)).toEqual(picked[pos - 1])
      expect(await question(phonePage).locator('.save-state').getAttribute('data-state')).toBe('saved')
    }
    expect(await phonePage.getByText('Đã trả lời: 3 · Chưa trả lời: 2').isVisible()).toBe(true)

    await goTo(phonePage, 4)
    await phone.setOffline(true)
    await choose(phonePage, 0, 'pending')
    await expect.poll(() => phonePage.getByText(/Đang chờ gửi 1 câu trả lời/).isVisible()).toBe(true)
    const queued = await phonePage.evaluate((id) => localStorage.getItem(`hoithi:answers:${id}`), state.attemptId)
    expect(queued).toContain('"4"')
    await shot(phonePage, 'phone-quiz-offline', false)
    await phone.setOffline(false)
    await expect.poll(() => question(phonePage).locator('.save-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('saved')
    expect(await phonePage.getByText(/Đang chờ gửi \d+ câu trả lời/).count()).toBe(0)
    const onServer = await (await phone.request.get(`/api/attempts/${state.attemptId}`)).json()
    expect(onServer.attempt.items[3].choice).toEqual(await chosenKeys(phonePage))
  })

  it('a session lost mid-quiz keeps the answer and asks to sign in again; after that it is sent', async () => {
    await goTo(phonePage, 1)
    await phone.clearCookies()
    await choose(phonePage, 1, 'pending')
    await expect.poll(() => phonePage.getByText(/Phiên đăng nhập đã hết hạn/).isVisible()).toBe(true)
    const kept = await chosenKeys(phonePage)
    await shot(phonePage, 'phone-quiz-signed-out', false)
    await signInAgain(phonePage, AN)
    await phonePage.waitForURL(`**/luot-thi/${state.attemptId}`)
    await expect.poll(() => question(phonePage).locator('.save-state').getAttribute('data-state'), { timeout: 10_000 }).toBe('saved')
    expect(await chosenKeys(phonePage)).toEqual(kept)
    const onServer = await (await phone.request.get(`/api/attempts/${state.attemptId}`)).json()
    expect(onServer.attempt.items[0].choice).toEqual(kept)
  })

  it('submits after a confirmation naming the unanswered question, and sees score, time and rank', async () => {
    const dialog = await submitWithPrediction(phonePage, '2', [5])
    await shot(phonePage, 'phone-submit-confirm', false)
    await dialog.getByRole('button', { name: 'Nộp bài' }).click()
    await expect.poll(() => phonePage.getByRole('heading', { name: 'Kết quả lượt thi 1' }).isVisible()).toBe(true)
    expect(await phonePage.getByTestId('score').textContent()).toMatch(/^\d+\/5$/)
    await expect.poll(() => phonePage.getByTestId('rank').textContent()).toBe('1 / 1')
    await shot(phonePage, 'phone-result')
  })

  it("a second participant's submit moves the public leaderboard without a reload", async () => {
    await phonePage.goto(`/bang-xep-hang/dot/${state.roundId}`)
    await expect.poll(() => phonePage.locator('table.leaderboard tbody tr').count()).toBe(1)
    await expect.poll(() => phonePage.getByText('● Trực tiếp').isVisible()).toBe(true)
    await phonePage.evaluate(() => { (window as unknown as { marker: number }).marker = 42 })

    const desk = await newContext(browser, server.baseUrl, DESKTOP)
    desk.on('request', (r) => { if (r.resourceType() === 'script') participantScripts.push(r.url()) })
    const deskPage = await desk.newPage()
    watchErrors(deskPage, errors)
    await deskPage.goto(`/cuoc-thi/hoi-thi-e2e/dang-ky`)
    await register(deskPage, BINH)
    await deskPage.getByRole('link', { name: 'Vào thi' }).click()
    await deskPage.getByRole('button', { name: 'Bắt đầu làm bài' }).click()
    await deskPage.waitForURL('**/luot-thi/*')
    for (const pos of [1, 2, 3, 4, 5]) {
      await goTo(deskPage, pos)
      await choose(deskPage, 1)
    }
    await shot(deskPage, 'desktop-quiz', false)
    const dialog = await submitWithPrediction(deskPage, '3', [])
    await dialog.getByRole('button', { name: 'Nộp bài' }).click()
    await expect.poll(() => deskPage.getByTestId('score').isVisible()).toBe(true)
    await shot(deskPage, 'desktop-result')
    await desk.close()

    await expect.poll(() => phonePage.locator('table.leaderboard tbody tr').count(), { timeout: 10_000 }).toBe(2)
    expect(await phonePage.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42)
    await phonePage.getByLabel('Tìm theo họ tên hoặc đơn vị').fill('tran thi')
    await expect.poll(() => phonePage.locator('table.leaderboard tbody tr').count()).toBe(1)
    expect(await phonePage.locator('table.leaderboard tbody').textContent()).toContain('Trần Thị Bình')
    await shot(phonePage, 'phone-leaderboard')
  })

  it('the organizer closes the round; a judge disqualifies and restores, finalizes with a confirmation and downloads results', async () => {
    staffPage.on('dialog', (d) => void d.accept())
    await staffPage.goto(`/quan-tri/dot/${state.roundId}`)
    await expect.poll(() => staffPage.locator('#unit-prizes-name-0').inputValue()).toBe(UNIT_PRIZE)
    await staffPage.getByRole('button', { name: 'Đóng đợt thi ngay' }).click()
    await expect.poll(() => staffPage.getByText('Đã lưu.').isVisible()).toBe(true)

    const judgeCtx = await newContext(browser, server.baseUrl, DESKTOP)
    const judge = await judgeCtx.newPage()
    watchErrors(judge, errors)
    await signInStaff(judge, JUDGE)
    expect(await judge.getByRole('link', { name: 'Ngân hàng câu hỏi' }).count()).toBe(0)
    await judge.getByRole('link', { name: 'Chấm thi' }).first().click()
    await judge.waitForURL(`**/quan-tri/dot/${state.roundId}/cham`)
    await expect.poll(() => judge.locator('table.standings tbody tr').count()).toBe(2)
    await disqualifyAndRestore(judge, BINH.fullName)
    await shot(judge, 'console-judge')

    expect(await activityTotals(judge)).toContain('tổng 2 lượt bắt đầu, 2 lượt hoàn thành')
    await judge.waitForTimeout(1200)
    await finalize(judge)
    expect(await judge.locator('.prizes table.prizes-people tbody tr').first().textContent()).toMatch(/^Giải Nhất1(Nguyễn Văn An|Trần Thị Bình)/)
    // The prize lists come from the server, so they are still there after a reload.
    await judge.reload()
    await expect.poll(() => judge.locator('.prizes table.prizes-people tbody tr').count()).toBe(2)
    await judge.locator('.activity').scrollIntoViewIfNeeded()
    await shot(judge, 'console-finalized')

    expect((await download(judge, 'Tải kết quả (Excel)', 'ket-qua.xlsx')).subarray(0, 2).toString()).toBe('PK')
    const text = (await download(judge, 'Tải kết quả (CSV)', 'ket-qua.csv')).toString('utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain('Nguyễn Văn An')
    expect(text).toContain('Trần Thị Bình')
    await judgeCtx.close()
  })

  it('the public leaderboard shows the prize results once the round is finalized', async () => {
    await phonePage.goto(`/bang-xep-hang/dot/${state.roundId}`)
    const prizes = phonePage.getByRole('region', { name: 'Kết quả giải thưởng' })
    await expect.poll(() => prizes.isVisible()).toBe(true)
    expect(await prizes.locator('table.prizes-people tbody tr').count()).toBe(2)
    expect(await prizes.textContent()).toMatch(/Giải Nhất1(Nguyễn Văn An|Trần Thị Bình)/)
    expect(await prizes.textContent()).toContain('Đáp án câu hỏi dự đoán: 2')
    expect(await prizes.locator('table.prizes-units tbody').textContent()).toMatch(new RegExp(`^${UNIT_PRIZE}1Chi bộ Phòng`))
    await shot(phonePage, 'phone-leaderboard-prizes')
  })

  it('the organizer finds a participant by phone and issues a new password that signs in', async () => {
    const password = await issuePassword(staffPage, '0900000101', AN.fullName)
    const res = await fetch(`${server.baseUrl}/api/sessions`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ identifier: AN.phone, password }),
    })
    expect(res.status).toBe(200)
    // A reset ends every session of the person: the phone signs in again with the new password.
    expect((await phone.request.get('/api/me')).status()).toBe(401)
    await phonePage.goto(`/dang-nhap?next=${encodeURIComponent(`/luot-thi/${state.attemptId}`)}`)
    await phonePage.getByLabel('Số điện thoại, số CCCD hoặc tên đăng nhập').fill(AN.phone)
    await phonePage.getByLabel('Mật khẩu').fill(password)
    await phonePage.getByRole('button', { name: 'Đăng nhập' }).click()
    await phonePage.waitForURL(`**/luot-thi/${state.attemptId}`)
    expect(errors).toEqual([])
  })

  it('after the close the participant reviews keys, explanations and sources, in Vietnamese or English', async () => {
    await phonePage.goto(`/luot-thi/${state.attemptId}`)
    await expect.poll(() => phonePage.locator('.review-item').count()).toBe(5)
    // Finalized: the official rank (and prize, if any), no longer "tạm thời".
    await expect.poll(() => phonePage.getByTestId('official').textContent()).toMatch(/Kết quả chính thức: hạng \d+\/\d+/)
    expect(await phonePage.getByText('có thể thay đổi đến khi công bố kết quả').count()).toBe(0)
    expect(await phonePage.locator('.review-item').first().textContent()).toMatch(/Đáp án đúng: [A-F]/)
    await shot(phonePage, 'phone-review')
    await phonePage.getByRole('button', { name: 'English' }).click()
    await expect.poll(() => phonePage.getByRole('heading', { name: 'Result of attempt 1' }).isVisible()).toBe(true)
    await phonePage.getByRole('button', { name: 'Tiếng Việt' }).click()
    expect(errors).toEqual([])
  })

  it('fits a 360 px screen and never sends the console code to participants', async () => {
    await phonePage.setViewportSize({ width: 360, height: 740 })
    for (const path of [`/luot-thi/${state.attemptId}`, `/bang-xep-hang/dot/${state.roundId}`, '/cuoc-thi/hoi-thi-e2e', '/luot-thi-cua-toi']) {
      await phonePage.goto(path)
      await phonePage.waitForLoadState('networkidle').catch(() => undefined)
      await expect.poll(() => phonePage.locator('main h1').count()).toBeGreaterThan(0)
      const width = await phonePage.evaluate(() => document.documentElement.scrollWidth)
      expect(width, path).toBeLessThanOrEqual(360)
    }
    await shot(phonePage, 'phone-360-my-attempts')
    expect(participantScripts.length).toBeGreaterThan(5)
    expect(participantScripts.filter((u) => u.includes('/assets/console/'))).toEqual([])
    expect(staffScripts.some((u) => u.includes('/assets/console/'))).toBe(true)
  })
})
