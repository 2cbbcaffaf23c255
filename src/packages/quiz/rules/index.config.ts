export default definePageConfig({
  navigationBarTitleText: '竞答规则'
})
