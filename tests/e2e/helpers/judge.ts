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
  await expect.poll(() => row.textContent()).not.toContain('Truất quyền:')
}

export async function finalize(page: Page) {
  await page.getByRole('button', { name: 'Chốt kết quả', exact: true }).click()
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
