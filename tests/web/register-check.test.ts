import { describe, expect, it } from 'vitest'
import { checkRegister, toBody, type RegisterForm } from '../../web/lib/register-check'

const form = (over: Partial<RegisterForm> = {}): RegisterForm => ({
  fullName: 'Nguyễn Văn An', dateOfBirth: '17/05/1990', phone: '0900 000 101', nationalId: '', position: '', unitId: 'u1',
  password: 'matkhau-an', password2: 'matkhau-an', consent: true, ...over,
})

// The date of birth is typed as dd/mm/yyyy whatever the browser's language, and sent as the API's YYYY-MM-DD.
describe('the registration form', () => {
  it('reads the date of birth as day/month/year', () => {
    expect(checkRegister(form())).toEqual({})
    expect(toBody(form()).dateOfBirth).toBe('1990-05-17')
    expect(toBody(form({ dateOfBirth: '2/11/1988' })).dateOfBirth).toBe('1988-11-02')
  })

  it('refuses a date that is not a real day/month/year before sending it', () => {
    for (const dateOfBirth of ['05/17/1990', '31/02/1990', '1990-05-17', '17 tháng 5']) {
      expect(checkRegister(form({ dateOfBirth })).dateOfBirth, dateOfBirth).toMatch(/ngày\/tháng\/năm/)
    }
    expect(checkRegister(form({ dateOfBirth: '' })).dateOfBirth).toBeTruthy()
  })
})
