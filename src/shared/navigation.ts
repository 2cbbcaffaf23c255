/** Navigation helpers shared by every feature. */
import Taro from '@tarojs/taro'

/**
 * Goes back one page, or, when the page was opened directly (a shared link, a deep link, a
 * reload on H5) and there is nothing to go back to, switches to the given tab page.
 * @param tabUrl a tab page path, e.g. `/pages/explore/index`
 */
export function goBackOr(tabUrl: string) {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack()
  return Taro.switchTab({ url: tabUrl })
}
