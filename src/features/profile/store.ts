/**
 * The profile store: the participant's nickname and work unit (单位/支部/学校), used later by
 * leaderboards and bookings. Identity comes from the data source (mock: a local id; remote:
 * Taro.login and a token).
 */
import { create } from 'zustand'
import { meSource } from '../../services/me'
import { errorState, IDLE, LOADING, type LoadState } from '../../shared/load-state'
import type { Profile, ProfileInput } from './model'

export interface ProfileState {
  profile: LoadState<Profile>
  /** Result of the last save: field messages when the server or rules rejected the input. */
  saveError: { message: string; fields: Record<string, string> } | null
  saving: boolean
  /** Which data source the app was built with (shown on 我的). */
  sourceKind: 'mock' | 'remote'
  loadProfile(): Promise<void>
  /** Saves; resolves true on success. On failure keeps the form text and sets `saveError`. */
  saveProfile(input: ProfileInput): Promise<boolean>
}

export const useProfileStore = create<ProfileState>()((set, get) => ({
  profile: IDLE,
  saveError: null,
  saving: false,
  sourceKind: meSource.get().kind,

  async loadProfile() {
    if (get().profile.status !== 'ready') set({ profile: LOADING })
    try {
      const p = await meSource.get().getProfile()
      set({ profile: { status: 'ready', refreshing: false, data: p } })
    } catch (err) {
      if (get().profile.status !== 'ready') set({ profile: errorState(err) })
    }
  },

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
  }
}))
