/**
 * 纠错: tells us what is wrong on a site or route page. The text stays in the form until the
 * report is accepted; a retry after a network failure reuses the same idempotency key, so a
 * report is never filed twice.
 */
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { randomId } from '../../../services/core/ids'
import { REPORT_MAX, type ReportInput, type ReportReceipt } from '../model'
import { Btn } from '../../../shared/ui/Btn'
import './report-form.scss'

export function ReportForm({
  targetType,
  targetId,
  onSubmit,
  onClose,
  offlineNote
}: {
  targetType: ReportInput['targetType']
  targetId: string
  onSubmit: (input: ReportInput) => Promise<ReportReceipt>
  onClose: () => void
  /** Where the report goes, e.g. 纠错内容保存在本机 (mock) or 将发送给管理员 (remote). */
  offlineNote: string
}) {
  const [message, setMessage] = useState('')
  const [contact, setContact] = useState('')
  const [key] = useState(() => randomId(16))
  const [state, setState] = useState<{ kind: 'editing' | 'sending' | 'done'; error?: string; fields?: Record<string, string> }>({ kind: 'editing' })

  if (state.kind === 'done') {
    return (
      <View className='report-form' role='status'>
        <Text className='report-form__done'>已收到您的纠错，谢谢！我们核实后会更正。</Text>
        <Btn onPress={onClose}>关闭</Btn>
      </View>
    )
  }

  const submit = async () => {
    setState({ kind: 'sending' })
    try {
      await onSubmit({ targetType, targetId, message, contact: contact || undefined, key })
      setState({ kind: 'done' })
    } catch (err) {
      const e = err as { message?: string; fields?: Record<string, string> }
      setState({ kind: 'editing', error: e.message || '提交失败，请稍后重试', fields: e.fields })
    }
  }

  return (
    <View className='report-form'>
      <Text className='report-form__title'>纠错：这一页哪里有误？</Text>
      <Text className='report-form__note'>{offlineNote}</Text>
      <Textarea
        className='report-form__text'
        value={message}
        maxlength={REPORT_MAX}
        placeholder='例如：某年份有误，正确的是……（请尽量写明依据）'
        placeholderClass='report-form__placeholder'
        ariaLabel='纠错内容'
        onInput={(e) => setMessage(e.detail.value)}
      />
      {state.fields?.message ? <Text className='report-form__error'>{state.fields.message}</Text> : null}
      <Input
        className='report-form__contact'
        value={contact}
        maxlength={40}
        placeholder='联系方式（选填）'
        placeholderClass='report-form__placeholder'
        ariaLabel='联系方式（选填）'
        onInput={(e) => setContact(e.detail.value)}
      />
      {state.fields?.contact ? <Text className='report-form__error'>{state.fields.contact}</Text> : null}
      {state.error && !state.fields ? <View className='report-form__error' role='alert'>{state.error}</View> : null}
      <View className='report-form__actions'>
        <Btn onPress={onClose}>取消</Btn>
        <Btn kind='primary' disabled={state.kind === 'sending'} onPress={submit}>
          {state.kind === 'sending' ? '正在提交…' : '提交纠错'}
        </Btn>
      </View>
    </View>
  )
}
