/**
 * The key-value store the rules keep their writable state in: Taro storage in the in-process
 * mock source, a Map in the HTTP mock server. Values are JSON-serialisable.
 */
export interface KeyValueStore {
  /** The stored value, or undefined when absent. */
  get<T>(key: string): T | undefined
  set<T>(key: string, value: T): void
  remove(key: string): void
}

/** An in-memory {@link KeyValueStore} (the HTTP mock server and tests). Values are deep-copied on write. */
export function createMemoryStore(): KeyValueStore & { keys(): string[] } {
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
    keys: () => [...map.keys()]
  }
}
