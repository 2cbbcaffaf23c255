/** The 纠错 form for a site or route, wired to the me store (where the report goes depends on the source). */
import { ReportForm } from './ReportForm'
import { useMeStore } from '../store'
import type { ReportInput } from '../model'

export function TargetReport({ targetType, targetId, onClose }: { targetType: ReportInput['targetType']; targetId: string; onClose: () => void }) {
  const submitReport = useMeStore((s) => s.submitReport)
  const sourceKind = useMeStore((s) => s.sourceKind)
  return (
    <ReportForm
      targetType={targetType}
      targetId={targetId}
      onSubmit={submitReport}
      onClose={onClose}
      offlineNote={sourceKind === 'mock' ? '当前为离线演示数据，纠错内容保存在本机。' : '纠错内容将发送给内容管理员核实。'}
    />
  )
}
