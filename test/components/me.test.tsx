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
})
