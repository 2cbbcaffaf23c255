/** 排行榜 · 上榜同意: agree with a nickname and unit (field messages on a bad name), or withdraw after a confirmation. */
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useQuizStore } from '../store'
import { NICKNAME_MAX, UNIT_MAX } from '../model'
import { Btn } from '../../../shared/ui/Btn'
import { confirmDialog } from '../../../shared/ui/dialog'

/** Agreeing to appear on the boards (nickname and unit, prefilled from `defaults`), or withdrawing. */
export function ConsentPanel({ defaults }: { defaults: { nickname: string; unit: string } | null }) {
  const consent = useQuizStore((s) => s.consent)
  const agree = useQuizStore((s) => s.agree)
  const withdraw = useQuizStore((s) => s.withdraw)
  const [nickname, setNickname] = useState('')
  const [unit, setUnit] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (defaults) {
      setNickname((n) => n || defaults.nickname)
      setUnit((u) => u || defaults.unit)
    }
  }, [defaults])
  if (consent.status !== 'ready') return null
  if (consent.data.agreed) {
    return (
      <View className='consent'>
        <Text className='consent__text'>{`你已同意以“${consent.data.nickname}”${consent.data.unit ? `（${consent.data.unit}）` : ''}显示在排行榜上。`}</Text>
        <Btn
          onPress={async () => {
            const ok = await confirmDialog({ title: '撤回同意？', content: '撤回后，你的昵称和单位将从所有排行榜中移除。', confirmText: '撤回' })
            if (!ok) return
            try {
              await withdraw()
              Taro.showToast({ title: '已从排行榜移除', icon: 'none' })
            } catch (err) {
              Taro.showToast({ title: (err as Error).message || '操作失败，请重试', icon: 'none' })
            }
          }}
        >
          撤回同意
        </Btn>
      </View>
    )
  }
  return (
    <View className='consent'>
      <Text className='consent__text'>你的成绩还没有显示在排行榜上。同意后，排行榜会显示你的昵称和单位，随时可以撤回。</Text>
      <Input className='consent__input' value={nickname} maxlength={NICKNAME_MAX * 2} placeholder='昵称（必填）' placeholderClass='consent__placeholder' ariaLabel='排行榜昵称' onInput={(e) => setNickname(e.detail.value)} />
      {errors.nickname ? (
        <View className='consent__error' role='alert'>
          {errors.nickname}
        </View>
      ) : null}
      <Input className='consent__input' value={unit} maxlength={UNIT_MAX * 2} placeholder='单位 / 支部 / 学校（选填，用于单位榜）' placeholderClass='consent__placeholder' ariaLabel='单位、支部或学校' onInput={(e) => setUnit(e.detail.value)} />
      {errors.unit ? (
        <View className='consent__error' role='alert'>
          {errors.unit}
        </View>
      ) : null}
      <Btn
        kind='primary'
        disabled={busy}
        onPress={async () => {
          setBusy(true)
          try {
            await agree(nickname, unit)
            setErrors({})
            Taro.showToast({ title: '已同意，成绩将显示在排行榜上', icon: 'none' })
          } catch (err) {
            const e = err as { message?: string; fields?: Record<string, string> }
            setErrors(e.fields && Object.keys(e.fields).length ? e.fields : { nickname: e.message || '保存失败，请重试' })
          } finally {
            setBusy(false)
          }
        }}
      >
        同意显示我的昵称和单位
      </Btn>
    </View>
  )
}
