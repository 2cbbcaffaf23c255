/**
 * 地址与到访 on a site's page: address (copy), opening hours, phone (call), position and
 * 在地图中打开 (an approximate position asks first; H5 opens Amap's marker page).
 */
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Site } from '../model'
import { approximateWarning, describePosition, isApproximate } from '../position'
import { Btn } from '../../../shared/ui/Btn'
import { Pressable } from '../../../shared/ui/Pressable'
import { Section } from '../../../shared/ui/Section'
import { Tag } from '../../../shared/ui/Tag'
import { confirmDialog } from '../../../shared/ui/dialog'

async function openInMap(site: Site) {
  const p = site.position
  if (!p) {
    Taro.showToast({ title: '暂无可用的地图位置，请按地址前往', icon: 'none' })
    return
  }
  if (isApproximate(p)) {
    const ok = await confirmDialog({ title: '位置只是大致范围', content: approximateWarning(p, site.address), confirmText: '仍要打开' })
    if (!ok) return
  }
  if (process.env.TARO_ENV === 'h5') {
    // H5 has no map app to hand over to: open Amap's marker page (GCJ-02, "gaode" coordinates).
    const url = `https://uri.amap.com/marker?position=${p.longitude},${p.latitude}&name=${encodeURIComponent(site.name)}&coordinate=gaode&callnative=0`
    window.open(url, '_blank', 'noopener')
    return
  }
  await Taro.openLocation({ latitude: p.latitude, longitude: p.longitude, name: site.name, address: site.address ?? p.placeName, scale: p.precision === 'site' ? 16 : 12 })
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View className='site__row'>
      <Text className='site__label'>{label}</Text>
      {children}
    </View>
  )
}

export function SiteVisit({ site }: { site: Site }) {
  return (
    <Section title='地址与到访'>
      <Row label='地址'>
        <Text className='site__value'>{site.address || '地址不详（待补充）'}</Text>
      </Row>
      {site.address ? (
        <Btn className='site__inline-btn' onPress={() => Taro.setClipboardData({ data: site.address as string }).then(() => Taro.showToast({ title: '地址已复制', icon: 'none' })).catch(() => undefined)}>
          复制地址
        </Btn>
      ) : null}
      <Row label='开放时间'>
        <Text className='site__value'>{site.openingHours || '暂无资料，出行前请向当地咨询'}</Text>
      </Row>
      <Row label='电话'>
        {site.phone ? (
          <Pressable className='site__value site__link' onPress={() => Taro.makePhoneCall({ phoneNumber: site.phone as string }).catch(() => undefined)}>
            {site.phone}
          </Pressable>
        ) : (
          <Text className='site__value'>暂无资料</Text>
        )}
      </Row>
      <Row label='位置'>
        <View className='site__value'>
          {site.position ? <Text>{describePosition(site.position)}</Text> : <Text>暂无经纬度资料</Text>}
          {site.position && isApproximate(site.position) ? <Tag tone='gold'>约略位置</Tag> : null}
        </View>
      </Row>
      <Btn kind='primary' block className='site__map-btn' onPress={() => openInMap(site)} disabled={!site.position}>
        在地图中打开
      </Btn>
    </Section>
  )
}
