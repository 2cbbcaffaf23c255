/** 我的: profile editing with validation that keeps the typed text, and the favourites list. */
import { fireEvent, render, screen } from '@testing-library/react'
import { act } from '@testing-library/react'
import sites from '../../mock/data/sites.json'
import MePage from '../../src/pages/me/index'
import { freshApp } from './helpers'

function type(selectorIndex: number, value: string) {
  const inputs = document.querySelectorAll('.me__input')
  act(() => {
    inputs[selectorIndex].dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

describe('MePage', () => {
  it('saves a nickname and unit, and rejects an over-long nickname without losing the text', async () => {
    const ds = freshApp()
    render(<MePage />)
    fireEvent.click(await screen.findByText('设置昵称和单位'))
    type(0, '长'.repeat(21))
    type(1, '鲤城区某社区党支部')
    fireEvent.click(screen.getByText('保存'))
    await screen.findByText('昵称最多 20 个字')
    expect((await ds.getProfile()).nickname).toBe('')
    type(0, '老张')
    fireEvent.click(screen.getByText('保存'))
    await screen.findByText('老张')
    expect(screen.getByText('单位：鲤城区某社区党支部')).toBeInTheDocument()
    expect(await ds.getProfile()).toMatchObject({ nickname: '老张', unit: '鲤城区某社区党支部' })
  })

  it('lists favourite sites, and says how to add one when there are none', async () => {
    const ds = freshApp()
    const { unmount } = render(<MePage />)
    await screen.findByText(/还没有收藏/)
    unmount()
    await ds.setFavourite(sites[3].id, true)
    render(<MePage />)
    await screen.findByText(sites[3].name)
  })

  it('asks for a unit only for what exists (单位排行), not for 预约送课 which the app does not have yet', async () => {
    const ds = freshApp()
    render(<MePage />)
    fireEvent.click(await screen.findByText('设置昵称和单位'))
    type(0, '老李')
    fireEvent.click(screen.getByText('保存'))
    await screen.findByText('老李')
    expect(screen.getByText('未填写单位（参加单位排行时需要）')).toBeInTheDocument()
    expect(document.body.textContent).not.toContain('预约')
    expect((await ds.getProfile()).unit).toBe('')
  })

  it('uses the one heading style for every heading, and the empty favourites have one action', async () => {
    freshApp()
    render(<MePage />)
    await screen.findByText(/还没有收藏/)
    const headings = [...document.querySelectorAll('[role="heading"]')]
    expect(headings.map((h) => h.textContent)).toEqual(['个人资料', '我的收藏', '我的竞答', '关于'])
    for (const h of headings) expect(h.className).toContain('heading__title')
    const empty = document.querySelector('.state--empty')!
    expect(empty.querySelectorAll('.btn')).toHaveLength(1)
    expect(empty.querySelector('.btn')!.textContent).toBe('去看看史迹')
  })
})
