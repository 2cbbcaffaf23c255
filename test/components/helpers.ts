/**
 * Component-test helpers: a fresh in-memory mock data source per test and store resets, so each
 * test renders pages over the real embedded dataset with nothing left from the previous one.
 */
import { act } from '@testing-library/react'
import { heritageSource } from '../../src/services/heritage'
import { heritageDetailSource } from '../../src/services/heritage/detail'
import { meSource } from '../../src/services/me'
import { createMockSource, type AppSources } from '../support/sources'
import { createMemoryStore } from '../../src/services/core/kv'
import { useHeritageStore } from '../../src/features/heritage/store'
import { useHeritageDetailStore } from '../../src/features/heritage/detail-store'
import { useMeStore } from '../../src/features/me/store'

const heritageInitial = useHeritageStore.getInitialState()
const heritageDetailInitial = useHeritageDetailStore.getInitialState()
const meInitial = useMeStore.getInitialState()

/** Installs `ds` as the heritage and me sources (default: mock sources over memory) and resets every store. */
export function freshApp(ds?: AppSources): AppSources {
  const source = ds ?? createMockSource({ store: createMemoryStore(), participantId: 'p-test' })
  heritageSource.setForTests(source)
  heritageDetailSource.setForTests(source)
  meSource.setForTests(source)
  useHeritageStore.setState(heritageInitial, true)
  useHeritageDetailStore.setState(heritageDetailInitial, true)
  useMeStore.setState(meInitial, true)
  return source
}

/** Runs pending timers and lets promises settle inside act(). */
export async function flush(ms = 0) {
  await act(async () => {
    if (ms) jest.advanceTimersByTime(ms)
    await Promise.resolve()
    await new Promise((r) => setTimeout(r, 0))
  })
}

/** Dispatches a Taro component event (e.g. `change` on a picker, `input` on an input). */
export function fireTaroEvent(el: Element, type: string, detail: unknown) {
  act(() => {
    el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }))
  })
}
