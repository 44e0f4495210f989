import type { Page } from 'playwright-core'
import { expect } from 'vitest'

export type Person = { fullName: string; dob: string; phone: string; unitQuery: string; unitName: RegExp; password: string }

export async function register(page: Page, p: Person) {
  await page.getByLabel('Họ và tên').fill(p.fullName)
  await page.getByLabel('Ngày sinh').fill(p.dob)
  await page.getByLabel('Số điện thoại').fill(p.phone)
  await page.getByLabel('Tìm đơn vị (gõ có dấu hoặc không dấu)').fill(p.unitQuery)
  await page.getByRole('radio', { name: p.unitName }).check()
  await page.getByLabel('Mật khẩu (ít nhất 6 ký tự)').fill(p.password)
  await page.getByLabel('Nhập lại mật khẩu').fill(p.password)
  await page.getByLabel(/Tôi đồng ý tham gia cuộc thi/).check()
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).click()
  await expect.poll(() => page.getByText(`Xin chào, ${p.fullName}`).isVisible()).toBe(true)
}

export const question = (page: Page) => page.locator('.quiz-main fieldset.question')

export async function goTo(page: Page, position: number) {
  await page.getByRole('button', { name: new RegExp(`^Câu ${position}: `) }).click()
  await expect.poll(() => question(page).locator('.qnum').textContent()).toContain(`Câu ${position}/`)
}

// Picks an option of the current question and waits for the state the test expects ("Đã lưu" or "Đang chờ gửi").
export async function choose(page: Page, optionIndex: number, expectState: 'saved' | 'pending' = 'saved') {
  const options = question(page).locator('label.option')
  await options.nth(optionIndex % (await options.count())).click()
  await expect.poll(() => question(page).locator('.save-state').getAttribute('data-state')).toBe(expectState)
}

export async function chosenKeys(page: Page): Promise<string[]> {
  return question(page).locator('input:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
}

export const attemptIdOf = (page: Page) => new URL(page.url()).pathname.split('/').pop()!

export async function submitWithPrediction(page: Page, prediction: string, unanswered: number[]) {
  await page.getByRole('button', { name: /Câu hỏi dự đoán · Nộp bài|^Nộp bài$/ }).first().click()
  await page.getByLabel('Theo bạn, đợt thi này có bao nhiêu người dự thi?').fill(prediction)
  await page.locator('#submit-attempt').click()
  const dialog = page.locator('dialog[open]')
  await expect.poll(() => dialog.isVisible()).toBe(true)
  const text = await dialog.textContent()
  if (unanswered.length) expect(text).toContain(`Bạn còn ${unanswered.length} câu chưa trả lời: ${unanswered.join(', ')}.`)
  else expect(text).toContain('Bạn đã trả lời tất cả')
  return dialog
}

// From the quiz's "session expired" prompt, through the sign-in page, back to the attempt.
export async function signInAgain(page: Page, p: Person) {
  await page.getByRole('link', { name: 'Đăng nhập lại' }).click()
  await page.waitForURL('**/dang-nhap?next=*')
  await page.getByLabel('Số điện thoại, số CCCD hoặc tên đăng nhập').fill(p.phone)
  await page.getByLabel('Mật khẩu').fill(p.password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
}
