import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HttpClient } from '../helpers/server-process'
import { DESKTOP, launchChromium, newContext, shot, watchErrors } from './helpers/browser'
import { signInStaff } from './helpers/organizer'
import { ADMIN, ok, startServer, type TestServer } from './helpers/server'

// Authoring in the console (issue 15): a question added through the form, edited, its history's diff, and
// the warning before editing a question that a running round has drawn. The round is set up through the API.
let server: TestServer
let browser: Browser
const errors: string[] = []
const state = { topicId: '', drawnId: '', roundTitle: 'Tuần thi soạn câu hỏi' }
const iso = (ms: number) => new Date(ms).toISOString()


async function setUp() {
  const admin = new HttpClient(server.baseUrl)
  await ok(admin.call('POST', '/sessions', { identifier: ADMIN.username, password: ADMIN.password }))
  state.topicId = (await ok(admin.call('POST', '/admin/topics', { name: 'Lịch sử Đảng bộ tỉnh (thử nghiệm)' }), 201)).topic.id
  state.drawnId = (await ok(admin.call('POST', '/admin/questions', {
    topic: state.topicId, difficulty: 2, type: 'single', stem: 'Câu đang có trong đề: tỉnh thử nghiệm có bao nhiêu huyện?',
    options: [{ key: 'A', text: 'Mười' }, { key: 'B', text: 'Mười một' }], correct: ['A'], explanation: '', source: { document: 'Tài liệu thử nghiệm' }, status: 'published',
  }), 201)).question.id
  const contestId = (await ok(admin.call('POST', '/admin/contests', { title: 'Hội thi soạn câu hỏi (thử nghiệm)' }), 201)).contest.id
  const units = await ok(admin.call('POST', `/admin/contests/${contestId}/units`, { units: [{ code: 'CB1', name: 'Chi bộ Thử nghiệm', headcount: 5 }] }))
  const round = (await ok(admin.call('POST', `/admin/contests/${contestId}/rounds`, {
    title: state.roundTitle, opensAt: iso(Date.now() - 60_000), closesAt: iso(Date.now() + 24 * 3600_000), questionCount: 1, timeLimitSec: 600,
    blueprint: [{ topic: state.topicId, count: 1 }],
  }), 201)).round.id
  await ok(admin.call('POST', `/admin/contests/${contestId}/publish`))
  const person = new HttpClient(server.baseUrl)
  await ok(person.call('POST', '/participants', {
    fullName: 'Phạm Thị Thử', dateOfBirth: '1990-01-15', phone: '0900 888 001', unitId: units.units[0].id, password: 'matkhau-dai', consent: true,
  }), 201)
  await ok(person.call('POST', `/rounds/${round}/attempts`, {}), 201)
}

async function organizerPage(): Promise<Page> {
  const context = await newContext(browser, server.baseUrl, DESKTOP)
  const page = await context.newPage()
  watchErrors(page, errors)
  await signInStaff(page)
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

describe('authoring questions in the console', () => {
  it('adds a question through the form, edits it and reads the change in its history', async () => {
    const page = await organizerPage()
    await page.goto('/quan-tri/cau-hoi')
    await page.getByRole('link', { name: 'Thêm câu hỏi' }).click()
    await page.waitForURL('**/quan-tri/cau-hoi/moi')
    // Nothing written yet: the server's reason appears beside the field.
    await page.getByRole('button', { name: 'Lưu nháp' }).click()
    await expect.poll(() => page.locator('.field.invalid').first().textContent()).toContain('không được để trống')

    expect(await page.locator('.alert.error').textContent()).toBe('Chưa lưu được: hãy sửa các ô được đánh dấu bên dưới.')
    expect(await page.locator('.field:has(#q-stem) .error').textContent()).toBe('Nội dung câu hỏi không được để trống.')
    await page.getByLabel('Câu hỏi', { exact: true }).fill('Tỉnh thử nghiệm được tái lập vào năm nào?')
    // A field corrected drops its reason at once; the others keep theirs until the next save.
    expect(await page.locator('.field:has(#q-stem) .error').count()).toBe(0)
    expect(await page.locator('.field:has(#q-topic-edit) .error').textContent()).toBe('Chủ đề không được để trống.')
    await page.getByLabel('Chủ đề', { exact: true }).selectOption(state.topicId)
    for (const [i, text] of ['Năm 1991', 'Năm 1997', 'Năm 2008', 'Năm 2010'].entries()) await page.getByLabel(`Nội dung phương án ${'ABCD'[i]}`).fill(text)
    await page.getByLabel('Phương án B đúng').check()
    await page.getByLabel('Nguồn: tài liệu').fill('Lịch sử Đảng bộ tỉnh (tài liệu thử nghiệm)')
    await shot(page, 'authoring-new-question')
    await page.getByRole('button', { name: 'Lưu và công bố' }).click()
    await page.waitForURL(/\/quan-tri\/cau-hoi\/q-[0-9a-z]+\?moi=1$/)
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã thêm câu hỏi')
    expect(await page.getByLabel('Trạng thái').inputValue()).toBe('published')
    expect(await page.locator('.alert.warn').count()).toBe(0)

    await page.getByLabel('Câu hỏi', { exact: true }).fill('Tỉnh thử nghiệm được tái lập vào tháng và năm nào?')
    await page.getByRole('button', { name: 'Lưu (tạo bản sửa mới)' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã lưu bản 2')
    const latest = page.locator('.revisions li[data-revision="2"]')
    await expect.poll(() => latest.locator('.editor').textContent()).toBe('Quản trị viên')
    expect(await latest.locator('time').textContent()).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/)
    expect(await latest.locator('ins').allTextContents()).toEqual(['tháng và '])
    expect(await latest.locator('.changes li').first().textContent()).toContain('Nội dung câu hỏi:')
    await shot(page, 'authoring-history-diff')
    expect(errors).toEqual([])
  })

  it('warns before saving a question that an open round has drawn, naming the round', async () => {
    const page = await organizerPage()
    await page.goto(`/quan-tri/cau-hoi/${state.drawnId}`)
    const warning = page.locator('.alert.warn')
    await expect.poll(() => warning.textContent()).toContain(state.roundTitle)
    expect(await warning.textContent()).toContain('1 lượt thi đã rút câu này')
    expect(await warning.textContent()).toContain('vẫn giữ bản cũ')

    await page.getByLabel('Nội dung phương án B').fill('Mười hai')
    await page.getByRole('button', { name: 'Lưu (tạo bản sửa mới)' }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await dialog.textContent()).toContain(`«${state.roundTitle}»`)
    await shot(page, 'authoring-open-round-warning', false)
    // Declining saves nothing; confirming makes revision 2.
    await dialog.getByRole('button', { name: 'Không lưu' }).click()
    expect(await page.getByRole('status').count()).toBe(0)
    await page.getByRole('button', { name: 'Lưu (tạo bản sửa mới)' }).click()
    await dialog.getByRole('button', { name: 'Vẫn lưu bản mới' }).click()
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Đã lưu bản 2')
    expect(await page.locator('.revisions li[data-revision="2"] .changes').textContent()).toContain('Phương án:')
    expect(errors).toEqual([])
  })
})
