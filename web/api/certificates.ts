import { query } from '@solidjs/router'
import { call, client } from './client'

// hc puts a param into the path as it is: the code is encoded here, as it always was.
export const getMyCertificates = query(async () => (await call(() => client.me.certificates.$get())).certificates, 'my-certificates')
export const getCertificate = query((code: string) =>
  call(() => client.certificates[':code'].$get({ param: { code: encodeURIComponent(code) } })), 'certificate')
export const certificatePdfHref = (code: string) => `/api/certificates/${encodeURIComponent(code)}/pdf`
