import { COLORS } from './styles/colors'

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/explore/index', 'pages/quiz/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'packages/heritage',
      pages: ['site/index', 'route/index']
    },
    {
      root: 'packages/quiz',
      pages: ['play/index', 'result/index', 'board/index', 'practice/index', 'wrong-book/index', 'rules/index', 'history/index']
    }
  ],
  // Subpackages a tab page leads to are downloaded when that tab opens, on any network (the default
  // is wifi only, and many of our users are on mobile data): a route or site opens at once from
  // 首页/探索, a round at once from 竞答.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/heritage'] },
    'pages/explore/index': { network: 'all', packages: ['packages/heritage'] },
    'pages/quiz/index': { network: 'all', packages: ['packages/quiz'] }
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: COLORS.page,
    navigationBarBackgroundColor: COLORS.primary,
    navigationBarTitleText: '红色文化云学堂',
    navigationBarTextStyle: 'white'
  },
  tabBar: {
    color: COLORS.textSecondary,
    selectedColor: COLORS.primary,
    backgroundColor: COLORS.card,
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/explore/index', text: '探索', iconPath: 'assets/tab/explore.png', selectedIconPath: 'assets/tab/explore-active.png' },
      { pagePath: 'pages/quiz/index', text: '竞答', iconPath: 'assets/tab/quiz.png', selectedIconPath: 'assets/tab/quiz-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' }
    ]
  },
  // Sites' positions are only opened in the map app (openLocation); no location permission is asked.
  lazyCodeLoading: 'requiredComponents'
})
