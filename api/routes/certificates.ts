import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { send } from '../lib/http'
import { describe } from '../lib/openapi'
import { params } from '../lib/validate'
import { printSettings } from '../pdf/print-settings'
import { renderPdf } from '../pdf/render'
import { CertificateCheck } from '../schemas/wire'
import { certificateDocument, checkCertificate } from '../services/certificates'
import { rootUnitName } from '../services/printed-results'

const CodeParam = z.object({ code: z.string().min(1).max(40) })

// The address printed in the QR code: PUBLIC_ORIGIN when set (behind a proxy), else the request's own.
const publicOrigin = (c: Context<AppEnv>) => c.get('env').PUBLIC_ORIGIN ?? new URL(c.req.url).origin

// Certificates (issue 15): anyone checks a code and downloads its document (a participant's own list is
// GET /me/certificates, in me.ts).
export const certificatesRoutes = new Hono<AppEnv>()
  .get('/certificates/:code',
    describe({ summary: 'Kiểm tra mã giấy chứng nhận', tag: 'certificates', open: true, answer: { json: CertificateCheck } }),
    params(CodeParam),
    async (c) => {
      const check = await c.get('store').read(checkCertificate(c.req.valid('param').code))
      return send(c, (check.valid ? { ...check, issuedAt: new Date(check.issuedAt).toISOString() } : check) satisfies CertificateCheck)
    })
  .get('/certificates/:code/pdf',
    describe({ summary: 'Tải giấy chứng nhận (PDF)', tag: 'certificates', open: true, answer: { file: 'pdf' } }),
    params(CodeParam),
    async (c) => {
      const store = c.get('store')
      const { job, contestId } = await store.read(certificateDocument(c.req.valid('param').code, publicOrigin(c)))
      const settings = printSettings(c.get('env'), await store.read(rootUnitName(contestId)), {})
      c.header('Content-Type', 'application/pdf')
      c.header('Content-Disposition', `inline; filename="giay-chung-nhan-${job.code}.pdf"`)
      return c.body(await renderPdf({ kind: 'certificate', certificate: job, settings }) as Uint8Array<ArrayBuffer>)
    })
