import { query } from '@solidjs/router'
import { api } from './client'

export type MyCertificate = { code: string; kind: 'participation' | 'prize'; roundId: string; prize?: string; roundTitle: string; roundNumber: number; contestId: string; contestTitle: string }
export type CertificateCheck =
  | { valid: true; code: string; kind: 'participation' | 'prize'; fullName: string; unitName: string | null; contest: string; round: string; roundNumber: number; rank: number; prize: string | null; issuedAt: string }
  | { valid: false; code: string; message: string }

export const getMyCertificates = query(async () => (await api<{ certificates: MyCertificate[] }>('GET', '/me/certificates')).certificates, 'my-certificates')
export const getCertificate = query((code: string) => api<CertificateCheck>('GET', `/certificates/${encodeURIComponent(code)}`), 'certificate')
export const certificatePdfHref = (code: string) => `/api/certificates/${encodeURIComponent(code)}/pdf`
