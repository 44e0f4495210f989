import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP, launchChromium, newContext, shot, watchErrors } from './helpers/browser'
import { signInStaff } from './helpers/organizer'
import { startServer, type TestServer } from './helpers/server'

// The admin's part of the console in the browser: a judge's account is made, locked (the judge's open
// page is signed out at once and sign-in says why), unlocked with a new password, and the audit screen
// shows it all by name, in Hà Nội time, filtered, with its chain checked.
const KIM = { username: 'giamkhao.kim', password: 'giamkhao-kim-01', name: 'Hoàng Thị Kim' }

let server: TestServer
let browser: Browser
let adminCtx: BrowserContext
let judgeCtx: BrowserContext
let admin: Page
let judge: Page
const errors: string[] = []

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  adminCtx = await newContext(browser, server.baseUrl, DESKTOP)
  judgeCtx = await newContext(browser, server.baseUrl, DESKTOP)
  admin = await adminCtx.newPage()
  judge = await judgeCtx.newPage()
  watchErrors(admin, errors)
  watchErrors(judge, errors)
})

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return
  const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40)
  await shot(admin, `failed-${name}-admin`).catch(() => undefined)
  await shot(judge, `failed-${name}-judge`).catch(() => undefined)
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const row = (page: Page, username: string) => page.locator(`#staff-table tr[data-username="${username}"]`)

async function confirmOnRow(page: Page, username: string, button: string, confirm: string) {
  await row(page, username).getByRole('button', { name: button, exact: true }).click()
  const dialog = page.getByRole('dialog')
  await expect.poll(() => dialog.isVisible()).toBe(true)
  await dialog.getByRole('button', { name: confirm }).click()
  await expect.poll(() => dialog.isVisible()).toBe(false)
}

describe('staff accounts and the audit screen', () => {
  it('the admin creates a judge, who signs in; a too-short password is refused naming the field', async () => {
    await signInStaff(admin)
    await admin.goto('/quan-tri/nhan-su')
    await admin.getByLabel('Tên đăng nhập').fill(KIM.username)
    await admin.getByLabel('Họ và tên').fill(KIM.name)
    await admin.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill('ngan')
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click()
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toContain('Mật khẩu nhân viên tối thiểu 10 ký tự')
    await admin.getByLabel('Mật khẩu (ít nhất 10 ký tự)').fill(KIM.password)
    await admin.getByRole('button', { name: 'Tạo tài khoản' }).click()
    await expect.poll(() => row(admin, KIM.username).textContent()).toContain('Ban Giám khảo')
    expect(await row(admin, KIM.username).textContent()).toContain('Đang hoạt động')
    await signInStaff(judge, KIM)
  })

  it('locking the judge signs their open page out at once, and sign-in says the account is locked', async () => {
    await confirmOnRow(admin, KIM.username, 'Khóa', 'Khóa tài khoản')
    await expect.poll(() => admin.getByRole('status').first().textContent()).toContain(`Đã khóa tài khoản của ${KIM.name}.`)
    expect(await row(admin, KIM.username).textContent()).toContain('Đã khóa')
    await judge.reload()
    await judge.waitForURL('**/dang-nhap**')
    await judge.getByLabel('Số điện thoại, số CCCD hoặc tên đăng nhập').fill(KIM.username)
    await judge.getByLabel('Mật khẩu').fill(KIM.password)
    await judge.getByRole('button', { name: 'Đăng nhập' }).click()
    await expect.poll(() => judge.getByRole('alert').first().textContent()).toContain('Tài khoản đã bị khóa')
  })

  it('unlocking and a new password, shown once, let the judge back in', async () => {
    await confirmOnRow(admin, KIM.username, 'Mở khóa', 'Mở khóa')
    await confirmOnRow(admin, KIM.username, 'Cấp mật khẩu mới', 'Cấp mật khẩu mới')
    const field = admin.getByLabel(`Mật khẩu mới của ${KIM.name}`)
    const password = await field.inputValue()
    expect(password.length).toBeGreaterThanOrEqual(10)
    expect(await admin.getByRole('status').filter({ hasText: 'Mật khẩu chỉ hiện một lần' }).textContent()).toContain('gửi cho cán bộ')
    await shot(admin, 'staff-accounts')
    await signInStaff(judge, { username: KIM.username, password })
  })

  it('the audit screen shows the changes by name in Hà Nội time, filters by action, and checks the chain', async () => {
    await admin.goto('/quan-tri')
    await admin.getByRole('link', { name: 'Nhật ký' }).click()
    await admin.waitForURL('**/quan-tri/nhat-ky')
    const table = admin.locator('#audit-table')
    await expect.poll(() => table.textContent()).toContain('Khóa tài khoản')
    const lockRow = table.locator('tbody tr', { hasText: 'Khóa tài khoản' }).first()
    const text = (await lockRow.textContent()) ?? ''
    expect(text).toContain('Quản trị viên')
    expect(text).toContain(`Tài khoản cán bộ: ${KIM.name}`)
    expect(text).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}/)
    await admin.getByLabel('Hành động').selectOption({ label: 'Mở khóa tài khoản' })
    await admin.getByRole('button', { name: 'Lọc' }).click()
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1)
    expect(await table.textContent()).not.toContain('Cấp lại mật khẩu cán bộ')
    await admin.getByLabel('Từ ngày').fill('31/02/2026')
    await admin.getByRole('button', { name: 'Lọc' }).click()
    await expect.poll(() => admin.getByRole('alert').first().textContent()).toContain('dd/mm/yyyy')
    await admin.getByLabel('Từ ngày').fill('')
    await admin.getByRole('button', { name: 'Kiểm tra chuỗi' }).click()
    await expect.poll(() => admin.getByRole('status').filter({ hasText: 'Chuỗi nhật ký' }).textContent()).toContain('Chuỗi nhật ký toàn vẹn')
    await shot(admin, 'audit-screen')
    expect(errors).toEqual([])
  })
})
