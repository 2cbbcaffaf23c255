/** The boards slice: daily / weekly / all-time boards for people and units, and the consent to appear on them. */
import type { StateCreator } from 'zustand'
import type { LeaderboardQuery } from '../../../services/quiz/contract'
import { quizSource } from '../../../services/quiz'
import { fetched, keyedSlot, loadSlot } from '../../../shared/loader'
import { IDLE } from '../../../shared/load-state'
import type { Consent } from '../model'
import type { BoardsSlice, QuizState } from './types'

type Creator = StateCreator<QuizState, [['zustand/persist', unknown]], [], BoardsSlice>

export const createBoardsSlice: Creator = (set, get) => {
  /** The new consent shown; every board loads again (names appear or disappear). */
  const consented = (c: Consent) => {
    set({ consent: { status: 'ready', refreshing: false, data: c }, boards: {}, unitBoards: {} })
    return c
  }

  return {
    consent: IDLE,
    boards: {},
    unitBoards: {},

    loadConsent: (opts) => loadSlot(() => get().consent, (consent) => set({ consent }), () => fetched(quizSource.get().getConsent()), opts),

    loadBoard(period, kind, opts) {
      const query: LeaderboardQuery = { period, limit: 100, neighbours: 2 }
      const qs = quizSource.get()
      if (kind === 'people') return loadSlot(...keyedSlot(() => get().boards, (boards) => set({ boards }), period), () => fetched(qs.getLeaderboard(query)), opts)
      return loadSlot(...keyedSlot(() => get().unitBoards, (unitBoards) => set({ unitBoards }), period), () => fetched(qs.getUnitLeaderboard(query)), opts)
    },

    agree: async (nickname, unit) => consented(await quizSource.get().agreeToBoards({ nickname, unit })),
    withdraw: async () => consented(await quizSource.get().withdrawFromBoards())
  }
}
