import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../app-env'
import { readParams, send } from '../lib/http'
import { currentUser, requireParticipant } from '../middleware/session'
import { printSettings } from '../pdf/print-settings'
import type { CertificateCheck } from '../schemas/wire'
import { renderPdf } from '../pdf/render'
import { certificateDocument, certificatesPending, checkCertificate, listMyCertificates } from '../services/certificates'
import { rootUnitName } from '../services/printed-results'

const CodeParam = z.object({ code: z.string().min(1).max(40) })

// The address printed in the QR code: PUBLIC_ORIGIN when set (behind a proxy), else the request's own.
const publicOrigin = (c: Context<AppEnv>) => c.get('env').PUBLIC_ORIGIN ?? new URL(c.req.url).origin

// Certificates (issue 15): a participant lists theirs once a round is finalized; anyone checks a code
// and downloads its document.
export const certificateRoutes = new Hono<AppEnv>()
  .get('/me/certificates', requireParticipant, async (c) => {
    const me = currentUser(c)
    const now = c.get('clock').now()
    const store = c.get('store')
    const certificates = (await store.read(certificatesPending(me.id)))
      ? await store.write(() => listMyCertificates(me.id, now))
      : await store.read(listMyCertificates(me.id, now))
    return send(c, { certificates })
  })
  .get('/certificates/:code', async (c) => {
    const check = await c.get('store').read(checkCertificate(readParams(c, CodeParam).code))
    return send(c, (check.valid ? { ...check, issuedAt: new Date(check.issuedAt).toISOString() } : check) satisfies CertificateCheck)
  })
  .get('/certificates/:code/pdf', async (c) => {
    const store = c.get('store')
    const { job, contestId } = await store.read(certificateDocument(readParams(c, CodeParam).code, publicOrigin(c)))
    const settings = printSettings(c.get('env'), await store.read(rootUnitName(contestId)), {})
    c.header('Content-Type', 'application/pdf')
    c.header('Content-Disposition', `inline; filename="giay-chung-nhan-${job.code}.pdf"`)
    return c.body(await renderPdf({ kind: 'certificate', certificate: job, settings }) as Uint8Array<ArrayBuffer>)
  })
