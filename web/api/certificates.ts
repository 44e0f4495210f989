import { query } from '@solidjs/router'
import type { CertificateCheck, MyCertificate } from '../../api/schemas/wire'
import { api } from './client'


export const getMyCertificates = query(async () => (await api<{ certificates: MyCertificate[] }>('GET', '/me/certificates')).certificates, 'my-certificates')
export const getCertificate = query((code: string) => api<CertificateCheck>('GET', `/certificates/${encodeURIComponent(code)}`), 'certificate')
export const certificatePdfHref = (code: string) => `/api/certificates/${encodeURIComponent(code)}/pdf`
