/**
 * The quiz store, in slices by concern: playing a round (round.ts), the lists around it
 * (catalogue.ts) and the boards with their consent (boards.ts). Reads through the QuizSource;
 * every list loads through shared/loader's `loadSlot`. The play request and its idempotency keys
 * are persisted (persisted.ts), so an answer sent just before the app was closed is not counted twice.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { persistStorage } from '../../../services/core/storage'
import { persistOptions } from '../../../shared/persist'
import { createBoardsSlice } from './boards'
import { createCatalogueSlice } from './catalogue'
import { QUIZ_PLAY_KEY, QUIZ_PLAY_VERSION, pickPlay, readPlay, type PersistedPlay } from './persisted'
import { createRoundSlice } from './round'
import type { QuizState } from './types'
import { recordOpenRound } from '../open-round'

export type { BoardsSlice, CatalogueSlice, PlayPhase, PlayRequest, QuizState, RoundSlice } from './types'

export const useQuizStore = create<QuizState>()(
  persist(
    (...a) => ({
      ...createRoundSlice(...a),
      ...createCatalogueSlice(...a),
      ...createBoardsSlice(...a)
    }),
    persistOptions<QuizState, PersistedPlay>({ name: QUIZ_PLAY_KEY, version: QUIZ_PLAY_VERSION, storage: persistStorage, pick: pickPlay, read: readPlay })
  )
)

// The 竞答 tab shows a round in progress (with 继续答题) from a small marker kept beside the store.
useQuizStore.subscribe((s, prev) => {
  if (s.round === prev.round) return
  const r = s.round
  if (r && r.status === 'in_progress') recordOpenRound({ mode: r.mode, roundId: r.id })
  else if (r) recordOpenRound(null)
})
