export default definePageConfig({
  navigationBarTitleText: '红色文化云学堂',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
