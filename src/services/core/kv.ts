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
