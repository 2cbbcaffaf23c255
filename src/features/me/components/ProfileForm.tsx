/**
 * 我的 · 个人资料: the nickname and work unit (used by leaderboards and bookings), shown, or
 * edited in a form that keeps what was typed when saving fails.
 */
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { NICKNAME_MAX, UNIT_MAX } from '../model'
import { useMeStore } from '../store'
import { Btn } from '../../../shared/ui/Btn'
import { LoadStateView } from '../../../shared/ui/LoadStateView'

export function ProfileForm() {
  const profile = useMeStore((s) => s.profile)
  const saving = useMeStore((s) => s.saving)
  const saveError = useMeStore((s) => s.saveError)
  const saveProfile = useMeStore((s) => s.saveProfile)
  const loadProfile = useMeStore((s) => s.loadProfile)
  const [nickname, setNickname] = useState('')
  const [unit, setUnit] = useState('')
  const [editing, setEditing] = useState(false)
  const data = profile.status === 'ready' ? profile.data : null

  useEffect(() => {
    if (data && !editing) {
      setNickname(data.nickname)
      setUnit(data.unit)
    }
  }, [data, editing])

  if (!data) return <LoadStateView state={profile} loadingLabel='正在加载个人资料' rows={1} onRetry={() => loadProfile()}>{() => null}</LoadStateView>

  if (!editing) {
    return (
      <View className='me__profile'>
        <Text className='me__name'>{data.nickname || '未设置昵称'}</Text>
        <Text className='me__unit'>{data.unit ? `单位：${data.unit}` : '未填写单位（参加单位排行时需要）'}</Text>
        <Btn className='me__edit' onPress={() => setEditing(true)}>
          {data.nickname ? '修改资料' : '设置昵称和单位'}
        </Btn>
      </View>
    )
  }

  const onSave = async () => {
    const ok = await saveProfile({ nickname, unit })
    if (ok) {
      setEditing(false)
      Taro.showToast({ title: '已保存', icon: 'none' })
    }
  }

  return (
    <View className='me__form'>
      <Text className='me__field-label'>{`昵称（必填，最多 ${NICKNAME_MAX} 个字）`}</Text>
      <Input className='me__input' value={nickname} maxlength={NICKNAME_MAX * 2} placeholder='例如：老张' placeholderClass='me__placeholder' ariaLabel='昵称' onInput={(e) => setNickname(e.detail.value)} />
      {saveError?.fields.nickname ? (
        <View className='me__error' role='alert'>
          {saveError.fields.nickname}
        </View>
      ) : null}
      <Text className='me__field-label'>{`单位 / 支部 / 学校（选填，最多 ${UNIT_MAX} 个字）`}</Text>
      <Input className='me__input' value={unit} maxlength={UNIT_MAX * 2} placeholder='例如：某某社区党支部' placeholderClass='me__placeholder' ariaLabel='单位、支部或学校' onInput={(e) => setUnit(e.detail.value)} />
      {saveError?.fields.unit ? (
        <View className='me__error' role='alert'>
          {saveError.fields.unit}
        </View>
      ) : null}
      {saveError && !Object.keys(saveError.fields).length ? <View className='me__error' role='alert'>{saveError.message}</View> : null}
      <View className='me__form-actions'>
        {data?.nickname ? (
          <Btn onPress={() => setEditing(false)}>取消</Btn>
        ) : null}
        <Btn kind='primary' disabled={saving} onPress={onSave}>
          {saving ? '正在保存…' : '保存'}
        </Btn>
      </View>
    </View>
  )
}
