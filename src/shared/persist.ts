/**
 * Options for Zustand's `persist` as every store uses them (design.md, State): a string storage
 * passed in by the store (the Taro adapter from services/core; shared/ knows no services), a
 * version, and one `read` that turns whatever is stored (any version, any shape, or nothing)
 * into valid state. A stored value that cannot be read is ignored, never thrown into a page:
 * - corrupt JSON: the storage's parse throws, `persist` catches it, the store keeps its defaults;
 * - an older (or unknown) version: `migrate` hands it to `read` with that version;
 * - a wrong shape: `read` keeps only the fields it can check.
 * Writes are skipped when the persisted part did not change (a store sets often; storage is slow on weapp).
 */
import { createJSONStorage, type PersistOptions, type StateStorage } from 'zustand/middleware'

export interface PersistSpec<S, P> {
  /** Storage key. */
  name: string
  /** Bump when the persisted shape changes, and teach `read` the old one. */
  version: number
  /** A synchronous string storage (Taro's on weapp and H5; '' already read as null). */
  storage: StateStorage
  /** The part of the state that is kept. */
  pick(state: S): P
  /**
   * Valid persisted fields from a stored value written by `version` (the current one, or an older
   * one when migrating). Must accept anything: undefined, a number, an array, missing fields.
   */
  read(stored: unknown, version: number): Partial<P>
}

/** A storage that does not write a value it already holds. */
function skipUnchanged(storage: StateStorage): StateStorage {
  const last = new Map<string, string | null>()
  return {
    getItem: (name) => {
      const v = storage.getItem(name) as string | null
      last.set(name, v)
      return v
    },
    setItem: (name, value) => {
      if (last.get(name) === value) return
      last.set(name, value)
      return storage.setItem(name, value)
    },
    removeItem: (name) => {
      last.delete(name)
      return storage.removeItem(name)
    }
  }
}

/** Whether `v` is a plain object (the only shape a persisted state can have). */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** `persist` options for `spec`. */
export function persistOptions<S, P>(spec: PersistSpec<S, P>): PersistOptions<S, P> {
  return {
    name: spec.name,
    version: spec.version,
    storage: createJSONStorage<P>(() => skipUnchanged(spec.storage)),
    partialize: spec.pick,
    migrate: (stored, version) => spec.read(stored, version) as P,
    merge: (stored, current) => ({ ...current, ...spec.read(stored, spec.version) })
  }
}
