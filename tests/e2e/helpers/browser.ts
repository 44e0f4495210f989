import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM = '/usr/bin/chromium'
const shots = fileURLToPath(new URL('../../../test-artifacts/screenshots', import.meta.url))
export const artifacts = fileURLToPath(new URL('../../../test-artifacts', import.meta.url))

export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }
export const DESKTOP = { viewport: { width: 1280, height: 800 } }

// Browser tests never skip: a green run has to mean they ran in a real Chromium.
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium`)
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export async function newContext(browser: Browser, baseURL: string, device: typeof PHONE | typeof DESKTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ ...device, baseURL, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true })
  context.setDefaultTimeout(15_000)
  return context
}

export async function shot(page: Page, name: string, fullPage = true) {
  mkdirSync(shots, { recursive: true })
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage })
}

// Page errors fail the test: a crashed component would otherwise show up only as a timeout.
export function watchErrors(page: Page, errors: string[]) {
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`))
}
