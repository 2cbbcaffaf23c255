/**
 * A key-value store of JSON-serialisable values: the storage the feature repositories are built
 * on (Taro storage on the device, a Map in the HTTP mock server). Rules never use it directly:
 * they go through their feature's repository, whose operations are named by what they do.
 */
export interface KeyValueStore {
  /** The stored value, or undefined when absent. */
  get<T>(key: string): T | undefined
  /** Stores a value. May throw a DataError (`CONFLICT`) when storage is full. */
  set<T>(key: string, value: T): void
  remove(key: string): void
  /** Every stored key that starts with `prefix` (the prefix included), in no particular order. */
  keys(prefix?: string): string[]
}

/** An in-memory {@link KeyValueStore} (the HTTP mock server and tests). Values are deep-copied on write and read. */
export function createMemoryStore(): KeyValueStore {
  const map = new Map<string, string>()
  return {
    get<T>(key: string) {
      const raw = map.get(key)
      return raw === undefined ? undefined : (JSON.parse(raw) as T)
    },
    set(key, value) {
      map.set(key, JSON.stringify(value))
    },
    remove(key) {
      map.delete(key)
    },
    keys: (prefix = '') => [...map.keys()].filter((k) => k.startsWith(prefix))
  }
}

/**
 * A store whose units of work are all-or-nothing: inside {@link JournaledStore.atomically}, the
 * value each key had before its first write is remembered; when the unit throws (a rule refuses,
 * or storage refuses a write because the phone is full), every key it wrote is put back as it
 * was, in reverse order, and the error is rethrown. So a failed step never leaves half its
 * writes behind (an answer saved in the round but not in the 错题本, say).
 *
 * Units do not nest: an inner `atomically` joins the outer unit. Single-threaded stores only (the
 * device, one Node process); a database gets the same from a transaction.
 */
export interface JournaledStore {
  /** The store to read and write through (writes are journaled inside a unit). */
  kv: KeyValueStore
  /** Runs `fn` as one all-or-nothing unit. @returns what `fn` returns; rethrows what it throws, after undoing its writes */
  atomically<T>(fn: () => T): T
}

/** Wraps `base` in a {@link JournaledStore}. */
export function createJournaledStore(base: KeyValueStore): JournaledStore {
  let journal: Map<string, unknown> | null = null
  const remember = (key: string) => {
    if (journal && !journal.has(key)) journal.set(key, base.get<unknown>(key))
  }
  const kv: KeyValueStore = {
    get: (key) => base.get(key),
    set(key, value) {
      remember(key)
      base.set(key, value)
    },
    remove(key) {
      remember(key)
      base.remove(key)
    },
    keys: (prefix) => base.keys(prefix)
  }
  return {
    kv,
    atomically<T>(fn: () => T): T {
      if (journal) return fn()
      journal = new Map()
      const undo = journal
      try {
        return fn()
      } catch (err) {
        for (const [key, before] of [...undo.entries()].reverse()) {
          try {
            if (before === undefined) base.remove(key)
            else base.set(key, before)
          } catch {
            /* putting back an earlier, smaller value rarely fails; nothing more can be done here */
          }
        }
        throw err
      } finally {
        journal = null
      }
    }
  }
}
