import { RegisterInput } from '../../api/schemas/participants'
import { t, type MessageKey } from '../i18n'
import { parseDay } from './day-input'

export type RegisterForm = {
  fullName: string; dateOfBirth: string; phone: string; nationalId: string; position: string
  unitId: string; password: string; password2: string; consent: boolean
}

const FIELD_MESSAGE: Partial<Record<keyof RegisterForm, MessageKey>> = {
  fullName: 'reg.required', dateOfBirth: 'reg.required', phone: 'reg.phoneInvalid', unitId: 'reg.unitRequired',
  password: 'reg.password', consent: 'reg.consentRequired', nationalId: 'reg.nationalIdInvalid',
}

// The server's own input schema plus what only a form knows (the repeated password); messages in the
// page's language, the schema's Vietnamese text as the fallback.
export function checkRegister(f: RegisterForm): Record<string, string> {
  const errors: Record<string, string> = {}
  const digits = f.phone.replace(/[\s.+-]/g, '')
  if (!/^\d{9,12}$/.test(digits)) errors.phone = t('reg.phoneInvalid')
  if (f.nationalId.trim() && !/^\d{12}$/.test(f.nationalId.replace(/\s/g, ''))) errors.nationalId = t('reg.nationalIdInvalid')
  if (f.password !== f.password2) errors.password2 = t('reg.mismatch')
  if (f.dateOfBirth.trim() && !parseDay(f.dateOfBirth)) errors.dateOfBirth = t('reg.dobInvalid')
  const parsed = RegisterInput.safeParse(toBody(f))
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '_') as keyof RegisterForm
      if (errors[key]) continue
      const own = FIELD_MESSAGE[key]
      errors[key] = !f[key] && key !== 'consent' ? t(key === 'unitId' ? 'reg.unitRequired' : 'reg.required') : own ? t(own) : issue.message
    }
  }
  return errors
}

export function toBody(f: RegisterForm) {
  return {
    // The field reads dd/mm/yyyy; the API takes YYYY-MM-DD (what cannot be read is sent as typed, and refused).
    fullName: f.fullName.trim(), dateOfBirth: parseDay(f.dateOfBirth) || f.dateOfBirth.trim(), phone: f.phone.trim(), unitId: f.unitId, password: f.password,
    ...(f.nationalId.trim() ? { nationalId: f.nationalId.replace(/\s/g, '') } : {}),
    ...(f.position.trim() ? { position: f.position.trim() } : {}),
    consent: f.consent as true,
  }
}
