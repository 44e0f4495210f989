import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library'
import { createSignal } from 'solid-js'
import { afterEach, describe, expect, it } from 'vitest'
import { DateTimeInput } from '../../web/components/date-time-input'
import { hanoiLocalToIso } from '../../web/lib/format'
import { INVALID_DATETIME, parseVnDate, parseVnTime, vnDateTimeValue } from '../../web/lib/vn-datetime'
import { minScoreProblem, PrizeEditor } from '../../web/pages/admin/prize-editor'

afterEach(cleanup)

describe('dd/mm/yyyy and HH:mm', () => {
  it('reads the ways people type a day and a time, and refuses days and times that do not exist', () => {
    expect(['07/12/2026', '7/12/2026', '07.12.2026', '07-12-2026', '07122026'].map(parseVnDate)).toEqual(Array(5).fill('2026-12-07'))
    expect(['31/02/2026', '12/31/2026', '2026-12-07', '7/12/26', ''].map(parseVnDate)).toEqual(Array(5).fill(null))
    expect(['21:30', '21h30', '21.30', '2130'].map(parseVnTime)).toEqual(Array(4).fill('21:30'))
    expect(parseVnTime('9:05')).toBe('09:05')
    expect(['24:00', '21:60', '9:30 PM', '930'].map(parseVnTime)).toEqual(Array(4).fill(null))
    expect(vnDateTimeValue('', ' ')).toBe('')
    expect(vnDateTimeValue('07/12/2026', '')).toBe(INVALID_DATETIME)
  })

  it('typing 07/12/2026 21:30 gives the instant 14:30 UTC (Hà Nội time), and a bad day says so in Vietnamese', () => {
    const [value, setValue] = createSignal('2026-01-02T08:00')
    render(() => <DateTimeInput id="opens" label="Mở lúc" value={value()} onInput={setValue} required />)
    const day = screen.getByLabelText('Ngày') as HTMLInputElement
    const time = screen.getByLabelText('Giờ') as HTMLInputElement
    expect([day.value, time.value]).toEqual(['02/01/2026', '08:00'])
    fireEvent.input(day, { target: { value: '07/12/2026' } })
    fireEvent.input(time, { target: { value: '21:30' } })
    expect(hanoiLocalToIso(value())).toBe('2026-12-07T14:30:00.000Z')
    fireEvent.input(day, { target: { value: '31/02/2026' } })
    fireEvent.blur(day)
    expect(value()).toBe(INVALID_DATETIME)
    expect(screen.getByRole('alert').textContent).toContain('Ngày "31/02/2026" không hợp lệ')
    expect(day.value).toBe('31/02/2026') // what was typed stays to be corrected
  })
})

describe('Điểm tối thiểu', () => {
  it('shows a Vietnamese message next to the field for a value that is not a score', () => {
    expect([minScoreProblem('7,5'), minScoreProblem('5'), minScoreProblem(''), minScoreProblem(undefined)]).toEqual([undefined, undefined, undefined, undefined])
    const [prizes, setPrizes] = createSignal([{ name: 'Giải Nhất', count: 1, minScore: '' }])
    render(() => <PrizeEditor id="prizes" legend="Giải cá nhân" withMinScore prizes={prizes()} onChange={setPrizes} />)
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.input(screen.getByLabelText('Điểm tối thiểu'), { target: { value: 'năm' } })
    expect(screen.getByRole('alert').textContent).toBe('"năm" không phải là điểm: nhập một số, ví dụ 5 hoặc 7,5.')
    fireEvent.input(screen.getByLabelText('Điểm tối thiểu'), { target: { value: '-1' } })
    expect(screen.getByRole('alert').textContent).toBe('Điểm tối thiểu không được âm.')
  })
})
