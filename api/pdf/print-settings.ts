import type { Env } from '../env'
import type { PrintSettings } from './winners-pdf'

export type PrintOverrides = { place?: string; signer?: string }

// Who issues and signs a printed document: the environment's settings, the contest's root unit above the
// issuing body, and what the organizer typed for this print (place, the signer's name).
export function printSettings(env: Env, superior: string | null, over: PrintOverrides): PrintSettings {
  return {
    issuer: { superior, body: env.PRINT_ISSUER, place: over.place ?? env.PRINT_PLACE },
    signer: { onBehalf: `TM. ${env.PRINT_ISSUER}`, title: env.PRINT_SIGNER_TITLE, name: over.signer ?? null },
  }
}
