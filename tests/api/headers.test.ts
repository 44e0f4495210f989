import { describe, expect, it } from 'vitest'
import { createRoot } from '../../api/root'
import { staffAgent, testApp } from '../helpers/app'

describe('security headers and the audit export', () => {
  it('sends a content security policy and the other secure headers on pages, and nosniff with no-store on the API', async () => {
    const t = testApp()
    const root = createRoot(t.app, '/nonexistent')
    const api = await root.request('/api/health')
    expect(api.headers.get('x-content-type-options')).toBe('nosniff')
    expect(api.headers.get('cache-control')).toBe('no-store')
    for (const path of ['/', '/cuoc-thi/abc', '/quan-tri']) {
      const res = await root.request(path)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp).toContain("default-src 'self'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('same-origin')
    }
  })

  it('refuses an unsafe request from another origin and accepts our own', async () => {
    const t = testApp()
    const root = createRoot(t.app, '/nonexistent')
    const body = JSON.stringify({ identifier: 'x', password: 'y' })
    const cross = await root.request('http://hoithi.test/api/sessions', { method: 'POST', body, headers: { 'content-type': 'application/json', origin: 'https://evil.example', host: 'hoithi.test' } })
    expect(cross.status).toBe(403)
    const same = await root.request('http://hoithi.test/api/sessions', { method: 'POST', body, headers: { 'content-type': 'application/json', origin: 'http://hoithi.test', host: 'hoithi.test' } })
    expect(same.status).toBe(401)
  })

  it('lets an admin export the audit log as CSV with its hashes', async () => {
    const t = testApp()
    const admin = await staffAgent(t, 'admin')
    await admin.post('/admin/contests', { title: 'Một "cuộc thi", có dấu phẩy' })
    const res = await admin.get('/admin/audit.csv')
    expect(res.status).toBe(200)
    const raw = new Uint8Array(await (await t.app.request('/admin/audit.csv', { headers: { cookie: admin.cookie } })).arrayBuffer())
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]) // UTF-8 BOM for Excel
    const lines = res.text.trim().split('\r\n')
    expect(lines[0]).toContain('Mã băm trước,Mã băm')
    expect(lines.length).toBeGreaterThanOrEqual(3)
    expect(lines.some((l) => l.includes('Tạo cuộc thi') && l.includes('contest.create'))).toBe(true)
    const verify = await admin.get('/admin/audit/verify')
    expect(verify.body.verification).toMatchObject({ ok: true })
    const organizer = await staffAgent(t, 'organizer')
    expect((await organizer.get('/admin/audit.csv')).status).toBe(403)
  })
})
