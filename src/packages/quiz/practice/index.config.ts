export default definePageConfig({
  navigationBarTitleText: '专题练习'
})
