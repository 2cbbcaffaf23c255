/**
 * How a site's stated position is explained to the user. Positions are never invented (see
 * mock/data/README.md): most are the centre of the site's town or county, so the UI says so
 * before opening a map.
 */
import type { Position } from '../../services/heritage/contract'

const PRECISION_LABEL: Record<Position['precision'], string> = {
  site: '史迹位置',
  town: '所在乡镇的中心',
  county: '所在县区的中心',
  city: '泉州市的中心'
}

/** Whether the point is only approximate (not the site's own, or with an unstated datum). */
export function isApproximate(p: Position): boolean {
  return p.precision !== 'site' || p.datum === 'unstated'
}

/** A short Chinese description, e.g. "地图位置为所在县区的中心（鲤城区），不是史迹的准确位置". */
export function describePosition(p: Position): string {
  if (p.precision === 'site') {
    return p.datum === 'unstated' ? `地图位置取自公开资料（${p.placeName}），坐标系未注明，可能有数百米偏差` : `地图位置：${p.placeName}`
  }
  return `地图位置为${PRECISION_LABEL[p.precision]}（${p.placeName}），不是史迹的准确位置`
}

/** The confirmation text shown before opening a map at an approximate point. */
export function approximateWarning(p: Position, address: string | null): string {
  const where = address ? `请以地址为准：${address}` : '请到当地后再问路确认'
  return `${describePosition(p)}。${where}`
}
