/**
 * Confirmation dialogs in the app's colours. WeChat's and Taro's H5 default confirm colour is a
 * light green (2.3:1 on white, fails WCAG AA); every dialog goes through here instead.
 */
import Taro from '@tarojs/taro'
import { COLORS } from '../../styles/colors'

/** primary-dark (7.8:1 on white) and body text colour, from shared/ui-style.md. */
const CONFIRM_COLOR = COLORS.primaryDark
const CANCEL_COLOR = COLORS.text

/**
 * Asks a yes/no question. Resolves true when the user confirms; false on cancel or when the
 * dialog could not be shown.
 */
export async function confirmDialog(opts: { title: string; content: string; confirmText: string; cancelText?: string }): Promise<boolean> {
  try {
    const res = await Taro.showModal({ ...opts, cancelText: opts.cancelText ?? '取消', confirmColor: CONFIRM_COLOR, cancelColor: CANCEL_COLOR })
    return !!res.confirm
  } catch {
    return false
  }
}

/** Shows a notice with one button. */
export async function noticeDialog(opts: { title: string; content: string; confirmText?: string }): Promise<void> {
  try {
    await Taro.showModal({ ...opts, confirmText: opts.confirmText ?? '知道了', showCancel: false, confirmColor: CONFIRM_COLOR })
  } catch {
    /* nothing to do: the notice could not be shown */
  }
}
