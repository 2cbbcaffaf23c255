/**
 * weapp (any build that is not H5): an unknown page goes to 首页 and says so; a subpackage that
 * cannot load (wx.onLazyLoadError) says so in a dialog.
 */
type Cb = (res: Record<string, unknown>) => void

describe('installPageGuards on weapp', () => {
  let Taro: Record<string, jest.Mock>
  let notFound: Cb | undefined
  let lazyError: Cb | undefined
  beforeEach(() => {
    ;(globalThis as { wx?: unknown }).wx = { onLazyLoadError: jest.fn((cb: Cb) => (lazyError = cb)) }
    jest.isolateModules(() => {
      // the module registry is fresh here: patch this copy of the Taro stand-in, then load the guard over it
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      Taro = (require('@tarojs/taro') as { default: Record<string, jest.Mock> }).default
      Taro.onPageNotFound = jest.fn((cb: Cb) => (notFound = cb))
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ;(require('@/shared/page-guard') as typeof import('@/shared/page-guard')).installPageGuards()
    })
  })
  afterEach(() => {
    delete (globalThis as { wx?: unknown }).wx
  })

  it('an unknown page relaunches 首页 and says the page does not exist', async () => {
    expect(notFound).toBeDefined()
    notFound!({ path: 'pages/nope/index', isEntryPage: true })
    await new Promise((r) => setTimeout(r, 0))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' })
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '页面不存在，已回到首页' }))
  })

  it('a subpackage that fails to load shows a dialog saying so', () => {
    expect(lazyError).toBeDefined()
    lazyError!({ errMsg: 'loadSubpackage: fail', subpackage: ['packages/quiz'] })
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '页面没有打开', content: expect.stringMatching(/网络/) }))
  })
})
