/**
 * Where the me rules keep a participant's profile, favourites and 纠错 reports. The rules call
 * only these operations; an implementation may keep them anywhere (Taro storage on the device,
 * memory in the HTTP mock server, a database later) without touching the rules.
 *
 * {@link createMeRepository} implements it over a {@link KeyValueStore}, one record per key:
 * `profile:<pid>`, `favourites:<pid>`, `report:<pid>:<key>`. No collection is one growing value
 * re-read and rewritten on each write. Stored reports are checked (shape and bounds) when read:
 * one that does not check reads as absent (a corrupt record is replaced by the next submission
 * with its key, never shown).
 */
import type { KeyValueStore } from '../core/kv'
import type { Profile, ReportInput, ReportReceipt } from './contract'

/** A report as stored: the receipt, who filed it and what it says. */
export interface StoredReport extends ReportReceipt {
  participantId: string
  targetType: ReportInput['targetType']
  targetId: string
  message: string
  contact: string
  key: string
}

/** The me feature's storage operations. Reads return the raw stored value: the rules validate it. */
export interface MeRepository {
  /** The stored profile (unvalidated), or undefined. */
  readProfile(pid: string): unknown
  writeProfile(pid: string, profile: Profile): void
  /** The stored favourite site ids (unvalidated), or undefined. */
  readFavourites(pid: string): unknown
  writeFavourites(pid: string, siteIds: string[]): void
  /**
   * Stores a report unless this participant already filed one with the same idempotency key.
   * **Atomic**: of two concurrent calls with the same (participant, key), exactly one stores; both
   * get the stored report back.
   * @returns the stored report (the earlier one when the key was used before) and whether it is new
   */
  addReport(report: StoredReport): { report: StoredReport; created: boolean }
  /** This participant's reports, oldest first. */
  listReports(pid: string): StoredReport[]
}

const MAX_TEXT = 2000
const text = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max
const time = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 8.64e15

/** A stored report when it checks (types, lengths, a real time), else null. */
export function parseStoredReport(raw: unknown): StoredReport | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const r = raw as Record<string, unknown>
  if (!text(r.id, 200) || !r.id || !time(r.receivedAt) || !text(r.participantId, 200) || !text(r.targetId, 200) || !text(r.key, 200)) return null
  if (r.targetType !== 'site' && r.targetType !== 'route') return null
  if (!text(r.message) || !text(r.contact, 200)) return null
  return {
    id: r.id,
    receivedAt: r.receivedAt,
    participantId: r.participantId,
    targetType: r.targetType,
    targetId: r.targetId,
    message: r.message,
    contact: r.contact,
    key: r.key
  }
}

/** A {@link MeRepository} over a key-value store (Taro storage on the device, memory on the server). */
export function createMeRepository(kv: KeyValueStore): MeRepository {
  const reportPrefix = (pid: string) => `report:${pid}:`
  return {
    readProfile: (pid) => kv.get<unknown>(`profile:${pid}`),
    writeProfile: (pid, profile) => kv.set(`profile:${pid}`, profile),
    readFavourites: (pid) => kv.get<unknown>(`favourites:${pid}`),
    writeFavourites: (pid, ids) => kv.set(`favourites:${pid}`, ids),
    addReport(report) {
      // Single-threaded stores (the device, one Node process): the check and the write cannot interleave.
      const key = reportPrefix(report.participantId) + report.key
      const same = parseStoredReport(kv.get<unknown>(key))
      if (same) return { report: same, created: false }
      kv.set(key, report)
      return { report, created: true }
    },
    listReports: (pid) =>
      kv
        .keys(reportPrefix(pid))
        .map((k) => parseStoredReport(kv.get<unknown>(k)))
        .filter((r): r is StoredReport => r !== null)
        .sort((a, b) => a.receivedAt - b.receivedAt)
  }
}
