import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { artifacts } from './browser'

export async function disqualifyAndRestore(page: Page, fullName: string) {
  const row = page.locator('table.standings tbody tr').filter({ hasText: fullName })
  await row.getByRole('button', { name: 'Truất quyền' }).click()
  await page.getByLabel('Lý do (ghi vào nhật ký kiểm toán)').fill('Thử truất quyền: khai sai đơn vị')
  await page.locator('dialog[open]').getByRole('button', { name: 'Truất quyền' }).click()
  await expect.poll(() => row.textContent()).toContain('Truất quyền: Thử truất quyền')
  await row.getByRole('button', { name: 'Hủy truất quyền' }).click()
  // Restoring asks for a reason too (issue 15): nothing is sent without one.
  const restore = page.locator('dialog[open]').getByRole('button', { name: 'Hủy truất quyền' })
  expect(await restore.isDisabled()).toBe(true)
  await page.getByLabel('Lý do hủy truất quyền (ghi vào nhật ký kiểm toán)').fill('Đã xác minh: khai đúng đơn vị')
  await restore.click()
  await expect.poll(() => row.textContent()).not.toContain('Truất quyền:')
}

export async function finalize(page: Page) {
  await page.getByRole('button', { name: 'Chốt kết quả', exact: true }).click()
  // The dialog lists unresolved flags and reports first; with some, confirming needs the box ticked.
  const seen = page.locator('#finalize-seen')
  await expect.poll(async () => (await seen.isVisible()) || (await page.getByText('Không còn cảnh báo hay phản ánh nào chưa xử lý.').isVisible())).toBe(true)
  if (await seen.isVisible()) {
    expect(await page.locator('#confirm-finalize').isDisabled()).toBe(true)
    await seen.check()
  }
  await page.locator('#confirm-finalize').click()
  await expect.poll(() => page.getByText('Đã chốt.').isVisible()).toBe(true)
}

// Downloads through the links the judge clicks; returns the saved file's bytes.
export async function download(page: Page, linkName: string, fileName: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()])
  const path = join(artifacts, fileName)
  await file.saveAs(path)
  return readFileSync(path)
}

// The participation chart: an SVG whose label says the totals, and the same numbers as a table.
export async function activityTotals(page: Page): Promise<string> {
  const chart = page.locator('.activity-chart svg[role="img"]')
  await expect.poll(() => chart.count()).toBe(1)
  await page.getByText('Xem dạng bảng').click()
  await expect.poll(() => page.locator('.activity-table tbody tr').count()).toBeGreaterThan(0)
  return (await chart.getAttribute('aria-label')) ?? ''
}
