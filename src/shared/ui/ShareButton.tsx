/** 分享 on weapp (the page's share handler answers); 复制链接 on H5 (the page's address to the clipboard). */
import Taro from '@tarojs/taro'
import { Btn } from './Btn'

export function ShareButton() {
  if (process.env.TARO_ENV === 'weapp') return <Btn openType='share'>分享</Btn>
  return <Btn onPress={() => Taro.setClipboardData({ data: window.location.href }).then(() => Taro.showToast({ title: '链接已复制', icon: 'none' })).catch(() => undefined)}>复制链接</Btn>
}
