export default definePageConfig({
  navigationBarTitleText: '史迹详情',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark'
})
