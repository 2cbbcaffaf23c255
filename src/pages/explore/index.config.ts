export default definePageConfig({
  navigationBarTitleText: '探索',
  enablePullDownRefresh: true,
  onReachBottomDistance: 120,
  backgroundTextStyle: 'dark'
})
