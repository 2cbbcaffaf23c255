/**
 * Rules for a participant's own data: profile (nickname, work unit), favourite sites and 纠错
 * reports. Shared by the in-process mock source and the HTTP mock server; callers pass the
 * participant id they have authenticated (mock: the local id; server: from the bearer token).
 */
import { DataError } from '../core/errors'
import { checkDisplayText, hasControlChars, validateNameAndUnit } from '../core/display-text'
import { REPORT_MAX } from './constants'
import type { Profile, ProfileInput, ReportInput, ReportReceipt } from './contract'
import type { MeRepository, StoredReport } from './repository'

/** Most favourites one participant keeps. */
export const MAX_FAVOURITES = 200

/**
 * Validates a profile edit.
 * @throws DataError `INVALID_INPUT` with `fields.nickname` / `fields.unit` messages.
 */
export function validateProfileInput(input: unknown): ProfileInput {
  return validateNameAndUnit(input)
}

/**
 * Validates a 纠错 report.
 * @throws DataError `INVALID_INPUT` with `fields.message` / `fields.contact` / `fields.key`.
 */
export function validateReportInput(input: unknown): ReportInput {
  const obj = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  const fields: Record<string, string> = {}
  if (obj.targetType !== 'site' && obj.targetType !== 'route') fields.targetType = '纠错对象类型有误'
  if (typeof obj.targetId !== 'string' || !obj.targetId) fields.targetId = '纠错对象有误'
  const msg = typeof obj.message === 'string' ? obj.message.trim() : ''
  if ([...msg].length < 2) fields.message = '请写下哪里有误（至少 2 个字）'
  else if (hasControlChars(msg)) fields.message = '内容含有不可见的控制字符，请删除后重试'
  else if ([...msg].length > REPORT_MAX) fields.message = `最多 ${REPORT_MAX} 个字`
  const contact = checkDisplayText(obj.contact, '联系方式', 40, false)
  if (!contact.ok) fields.contact = contact.message
  if (typeof obj.key !== 'string' || obj.key.length < 8 || obj.key.length > 64) fields.key = '提交编号有误'
  if (Object.keys(fields).length) throw new DataError('INVALID_INPUT', Object.values(fields).join('；'), { fields })
  return {
    targetType: obj.targetType as ReportInput['targetType'],
    targetId: obj.targetId as string,
    message: msg,
    contact: contact.ok ? contact.value : '',
    key: obj.key as string
  }
}

/**
 * Creates the me rules over a repository.
 * @param repo where profiles, favourites and reports are kept
 * @param opts.siteExists whether a site id is known (favourites and reports of unknown ids are refused)
 * @param opts.routeExists whether a route id is known
 * @param opts.now clock in ms since the epoch (tests pass a fake)
 */
export function createMeRules(repo: MeRepository, opts: { siteExists: (id: string) => boolean; routeExists: (id: string) => boolean; now?: () => number }) {
  const now = opts.now ?? (() => Date.now())

  function readFavourites(pid: string): string[] {
    const raw = repo.readFavourites(pid)
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string' && opts.siteExists(x)) : []
  }

  function getProfile(pid: string): Profile {
    const raw = repo.readProfile(pid) as Partial<Profile> | undefined
    const text = (x: unknown) => (typeof x === 'string' ? x : '')
    return {
      participantId: pid,
      nickname: text(raw?.nickname),
      unit: text(raw?.unit),
      role: raw?.role === 'coordinator' ? 'coordinator' : 'participant'
    }
  }

  return {
    /** The participant's profile; a fresh one (empty nickname and unit) when none is stored or the stored one is malformed. */
    getProfile,
    /** Validates and saves; on a bad value throws and stores nothing. */
    saveProfile(pid: string, input: unknown): Profile {
      const next: Profile = { ...getProfile(pid), ...validateProfileInput(input) }
      repo.writeProfile(pid, next)
      return next
    },
    listFavourites(pid: string): string[] {
      return readFavourites(pid)
    },
    /** @throws DataError `NOT_FOUND` for an unknown site; `CONFLICT` past {@link MAX_FAVOURITES}. */
    setFavourite(pid: string, siteId: string, favourite: boolean): string[] {
      if (!opts.siteExists(siteId)) throw new DataError('NOT_FOUND', '没有找到这处史迹，无法收藏')
      const list = readFavourites(pid).filter((id) => id !== siteId)
      if (favourite) {
        if (list.length >= MAX_FAVOURITES) throw new DataError('CONFLICT', `最多收藏 ${MAX_FAVOURITES} 处`)
        list.unshift(siteId)
      }
      repo.writeFavourites(pid, list)
      return list
    },
    /** Stores a report once per (participant, idempotency key). @throws DataError `INVALID_INPUT` / `NOT_FOUND`. */
    submitReport(pid: string, input: unknown): ReportReceipt {
      const r = validateReportInput(input)
      const exists = r.targetType === 'site' ? opts.siteExists(r.targetId) : opts.routeExists(r.targetId)
      if (!exists) throw new DataError('NOT_FOUND', '纠错的内容不存在')
      const t = now()
      const report: StoredReport = {
        id: `r-${t.toString(36)}-${r.key}`,
        receivedAt: t,
        participantId: pid,
        targetType: r.targetType,
        targetId: r.targetId,
        message: r.message,
        contact: r.contact ?? '',
        key: r.key
      }
      const stored = repo.addReport(report).report
      return { id: stored.id, receivedAt: stored.receivedAt }
    }
  }
}
export type MeRules = ReturnType<typeof createMeRules>
