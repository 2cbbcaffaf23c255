/** The catalogue slice: the day's status, practice options, the 错题本, past rounds and each round's review. */
import type { StateCreator } from 'zustand'
import { quizSource } from '../../../services/quiz'
import { fetched, keyedSlot, loadSlot } from '../../../shared/loader'
import { IDLE } from '../../../shared/load-state'
import type { CatalogueSlice, QuizState } from './types'

type Creator = StateCreator<QuizState, [['zustand/persist', unknown]], [], CatalogueSlice>

export const createCatalogueSlice: Creator = (set, get) => ({
  dayStatus: IDLE,
  topics: IDLE,
  practiceSites: IDLE,
  wrongBook: IDLE,
  rounds: IDLE,
  results: {},

  loadDayStatus: (opts) => loadSlot(() => get().dayStatus, (dayStatus) => set({ dayStatus }), () => fetched(quizSource.get().getDayStatus()), opts),

  async loadPracticeOptions() {
    const qs = quizSource.get()
    await Promise.all([
      loadSlot(() => get().topics, (topics) => set({ topics }), () => fetched(qs.listTopics())),
      loadSlot(() => get().practiceSites, (practiceSites) => set({ practiceSites }), () => fetched(qs.listPracticeSites()))
    ])
  },

  loadWrongBook: (opts) => loadSlot(() => get().wrongBook, (wrongBook) => set({ wrongBook }), () => fetched(quizSource.get().getWrongBook()), opts),
  reloadWrongBook() {
    set({ wrongBook: IDLE })
    return get().loadWrongBook()
  },

  loadRounds: (opts) => loadSlot(() => get().rounds, (rounds) => set({ rounds }), () => fetched(quizSource.get().listRounds(50)), opts),
  reloadRounds() {
    set({ rounds: IDLE })
    return get().loadRounds()
  },

  // A finished round's review does not change: shown once loaded.
  loadResult: (roundId) =>
    loadSlot(...keyedSlot(() => get().results, (results) => set({ results }), roundId), () => fetched(quizSource.get().getRoundResult(roundId)), { reuse: true })
})
