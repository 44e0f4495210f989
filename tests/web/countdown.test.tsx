import { render } from '@solidjs/testing-library'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Countdown, formatRemaining } from '../../web/components/countdown'
import { clockOffset, recordServerTime, resetClock, serverNow } from '../../web/stores/clock'

const SERVER = Date.parse('2026-03-02T03:00:00Z')
const iso = (t: number) => new Date(t).toISOString()

describe('server clock', () => {
  beforeEach(() => resetClock())

  it('measures the offset at the middle of the round trip', () => {
    // Phone clock 10 minutes behind; request sent at local t, answered 200 ms later.
    const local = SERVER - 600_000
    recordServerTime(iso(SERVER + 100), local, local + 200)
    expect(clockOffset()).toBe(600_000)
  })

  it('prefers the sample with the shortest round trip', () => {
    recordServerTime(iso(SERVER), SERVER - 5000, SERVER - 1000)
    recordServerTime(iso(SERVER + 50), SERVER, SERVER + 100)
    expect(clockOffset()).toBe(0)
  })
})

describe('Countdown', () => {
  beforeEach(() => { resetClock(); vi.useFakeTimers() })
  afterEach(() => vi.useRealTimers())

  it('counts from the server time when the phone clock is an hour fast', async () => {
    const phone = SERVER + 3_600_000
    vi.setSystemTime(phone)
    recordServerTime(iso(SERVER), phone, phone)
    const deadline = SERVER + 90_000
    const { getByRole } = render(() => <Countdown deadline={deadline} />)
    expect(getByRole('timer').textContent).toBe('01:30')
    await vi.advanceTimersByTimeAsync(1000)
    expect(getByRole('timer').textContent).toBe('01:29')
    expect(Math.abs(serverNow() - (SERVER + 1000))).toBeLessThan(5)
  })

  it('counts right when the phone clock is two days slow', () => {
    const phone = SERVER - 2 * 86_400_000
    vi.setSystemTime(phone)
    recordServerTime(iso(SERVER), phone, phone)
    const { getByRole } = render(() => <Countdown deadline={SERVER + 15 * 60_000} />)
    expect(getByRole('timer').textContent).toBe('15:00')
  })

  it('fires onExpire once at zero and stays at 00:00', async () => {
    vi.setSystemTime(SERVER)
    const onExpire = vi.fn()
    const { getByRole } = render(() => <Countdown deadline={SERVER + 2000} onExpire={onExpire} />)
    await vi.advanceTimersByTimeAsync(1900)
    expect(onExpire).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(3000)
    expect(onExpire).toHaveBeenCalledTimes(1)
    expect(getByRole('timer').textContent).toBe('00:00')
  })

  it('turns urgent in the last minute and shows days for far deadlines', () => {
    vi.setSystemTime(SERVER)
    const { getAllByRole } = render(() => (
      <>
        <Countdown deadline={SERVER + 30_000} />
        <Countdown deadline={SERVER + 2 * 86_400_000 + 3_661_000} days={(n) => `${n} ngày`} />
      </>
    ))
    const [soon, far] = getAllByRole('timer')
    expect(soon.className).toContain('urgent')
    expect(far.textContent).toBe('2 ngày 1:01:01')
  })

  it('formats with fixed-width fields', () => {
    expect(formatRemaining(0)).toBe('00:00')
    expect(formatRemaining(59_001)).toBe('01:00')
    expect(formatRemaining(3_600_000)).toBe('1:00:00')
    expect(formatRemaining(-5)).toBe('00:00')
  })
})
