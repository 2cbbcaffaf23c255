/**
 * The me store: the participant's profile (nickname and work unit, used by leaderboards and
 * bookings), favourite sites (their ids; pages show them with the heritage feature's cards) and
 * 纠错 reports. Identity comes from the me source (mock: a local id; remote: a signed-in token).
 */
import { create } from 'zustand'
import { meSource } from '../../services/me'
import { fetched, loadSlot, type LoadOptions } from '../../shared/loader'
import { IDLE, type LoadState } from '../../shared/load-state'
import type { Profile, ProfileInput, ReportInput, ReportReceipt } from './model'

export interface MeState {
  profile: LoadState<Profile>
  /** Result of the last save: field messages when the server or rules rejected the input. */
  saveError: { message: string; fields: Record<string, string> } | null
  saving: boolean
  /** Which data source the app was built with (shown on 我的). */
  sourceKind: 'mock' | 'remote'
  /** Ids of the favourite sites, most recent first. */
  favourites: LoadState<string[]>

  loadProfile(opts?: LoadOptions): Promise<void>
  /** Saves; resolves true on success. On failure keeps the form text and sets `saveError`. */
  saveProfile(input: ProfileInput): Promise<boolean>
  loadFavourites(opts?: LoadOptions): Promise<void>
  /** Loads the profile and the favourites (我的 shown). */
  loadAll(): void
  /** Pull-down refresh of 我的: both reloaded, shown data kept on failure; resolves when both settled. */
  refreshAll(): Promise<void>
  /** Adds or removes a favourite; resolves with the new state (true: now a favourite). Rejects with the DataError so the page can say why. */
  toggleFavourite(siteId: string): Promise<boolean>
  /** Files a 纠错 report; rejects with the DataError (the form keeps the user's text). */
  submitReport(input: ReportInput): Promise<ReportReceipt>
}

export const useMeStore = create<MeState>()((set, get) => ({
  profile: IDLE,
  saveError: null,
  saving: false,
  sourceKind: meSource.get().kind,
  favourites: IDLE,

  loadProfile: (opts) =>
    loadSlot(
      () => get().profile,
      (profile) => set({ profile }),
      () => fetched(meSource.get().getProfile()),
      opts
    ),

  async saveProfile(input) {
    set({ saving: true, saveError: null })
    try {
      const p = await meSource.get().saveProfile(input)
      set({ profile: { status: 'ready', refreshing: false, data: p }, saving: false })
      return true
    } catch (err) {
      const e = err as { message?: string; fields?: Record<string, string> }
      set({ saving: false, saveError: { message: e.message || '保存失败，请重试', fields: e.fields ?? {} } })
      return false
    }
  },

  loadFavourites: (opts) =>
    loadSlot(
      () => get().favourites,
      (favourites) => set({ favourites }),
      () => fetched(meSource.get().listFavourites()),
      opts
    ),

  loadAll() {
    void get().loadProfile()
    void get().loadFavourites()
  },

  async refreshAll() {
    await Promise.allSettled([get().loadProfile({ refresh: true }), get().loadFavourites({ refresh: true })])
  },

  async toggleFavourite(siteId) {
    const shown = get().favourites
    const ids = shown.status === 'ready' ? shown.data : await meSource.get().listFavourites()
    const next = !ids.includes(siteId)
    const updated = await meSource.get().setFavourite(siteId, next)
    set({ favourites: { status: 'ready', refreshing: false, data: updated } })
    return next
  },

  submitReport: (input) => meSource.get().submitReport(input)
}))
