import { fireEvent, render, screen } from '@solidjs/testing-library'
import { createSignal } from 'solid-js'
import { describe, expect, it } from 'vitest'
import type { RoundSummary } from '../../api/schemas/wire'
import { PrizeEditor, type Prize } from '../../web/pages/admin/prize-editor'
import { initialState, toBody } from '../../web/pages/admin/round-fields'

describe('prize tiers in the round form', () => {
  it('shows a stored minScore with a decimal comma and sends it back as a number; empty sends none', () => {
    const round = { prizes: [{ name: 'Giải Nhất', count: 1, minScore: 7.5 }, { name: 'Giải Nhì', count: 2 }], unitPrizes: [], tiebreak: [], prediction: { enabled: false } } as unknown as RoundSummary
    const s = initialState(round)
    expect(s.prizes).toEqual([{ name: 'Giải Nhất', count: 1, minScore: '7,5' }, { name: 'Giải Nhì', count: 2 }])
    s.prizes[1].minScore = ' 6.25 '
    s.prizes.push({ name: 'Giải Ba', count: 3, minScore: '' })
    expect(toBody(s).prizes).toEqual([{ name: 'Giải Nhất', count: 1, minScore: 7.5 }, { name: 'Giải Nhì', count: 2, minScore: 6.25 }, { name: 'Giải Ba', count: 3 }])
  })

  it('offers "Điểm tối thiểu" for person prizes only', () => {
    const [prizes, setPrizes] = createSignal<Prize[]>([{ name: 'Giải Nhất', count: 1 }])
    render(() => (
      <>
        <PrizeEditor id="prizes" legend="Giải cá nhân" withMinScore prizes={prizes()} onChange={setPrizes} />
        <PrizeEditor id="unit-prizes" legend="Giải tập thể" prizes={[{ name: 'Tập thể', count: 1 }]} onChange={() => {}} />
      </>
    ))
    expect(screen.getAllByLabelText('Điểm tối thiểu')).toHaveLength(1)
    fireEvent.input(screen.getByLabelText('Điểm tối thiểu'), { target: { value: '8,5' } })
    expect(prizes()[0].minScore).toBe('8,5')
  })
})
