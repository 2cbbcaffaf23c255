export default definePageConfig({
  navigationBarTitleText: '党史竞答'
})
