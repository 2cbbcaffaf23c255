export default definePageConfig({
  navigationBarTitleText: '本轮成绩'
})
