/**
 * Local storage over Taro's synchronous storage API (wx storage on weapp, localStorage on H5).
 * Every call is guarded: a full, missing or corrupt storage never throws into a page.
 */
import Taro from '@tarojs/taro'
import { DataError } from './errors'
import type { KeyValueStore } from './kv'

/** Reads a stored value; undefined when absent or unreadable. */
export function readStorage<T>(key: string): T | undefined {
  try {
    const raw = Taro.getStorageSync(key) as unknown
    if (raw === '' || raw === undefined || raw === null) return undefined
    return raw as T
  } catch {
    return undefined
  }
}

/** Writes a value; returns false when storage refused it (quota, private mode). */
export function writeStorage<T>(key: string, value: T): boolean {
  try {
    Taro.setStorageSync(key, value)
    return true
  } catch {
    return false
  }
}

/** Removes a value; never throws. */
export function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    /* nothing stored or storage unavailable: nothing to remove */
  }
}

/**
 * A {@link KeyValueStore} over Taro storage, every key prefixed with `prefix`.
 * - `onFull: 'throw'` (the mock sources' own records): a write that storage refuses throws a
 *   `CONFLICT` DataError saying the phone's storage is full, so the step fails visibly and the
 *   caller keeps nothing half-done.
 * - `onFull: 'ignore'` (caches): a refused write is dropped; a cache is best effort.
 */
export function createTaroKeyValue(prefix: string, onFull: 'throw' | 'ignore'): KeyValueStore {
  return {
    get: <T,>(key: string) => readStorage<T>(prefix + key),
    set: (key, value) => {
      if (!writeStorage(prefix + key, value) && onFull === 'throw') throw new DataError('CONFLICT', STORAGE_FULL_MESSAGE)
    },
    remove: (key) => removeStorage(prefix + key),
    keys: (sub = '') => storageKeys(prefix + sub).map((k) => k.slice(prefix.length))
  }
}

/** What the user is told when the phone refuses a write. */
export const STORAGE_FULL_MESSAGE = '手机存储空间不足，未能保存，请清理后重试'

/**
 * Keys in Taro storage that start with `prefix` (for collections kept one record per key).
 * Empty when the platform cannot list keys.
 */
export function storageKeys(prefix: string): string[] {
  try {
    const info = Taro.getStorageInfoSync() as { keys?: unknown }
    return Array.isArray(info.keys) ? info.keys.filter((k): k is string => typeof k === 'string' && k.startsWith(prefix)) : []
  } catch {
    return []
  }
}

/**
 * Zustand `persist` storage over Taro storage (string values), for
 * `createJSONStorage(() => persistStorage)`. A missing key reads as null (Taro answers '' for it,
 * which would stop hydration); a write that storage refuses is dropped (the in-memory state stays
 * and the next change writes again).
 */
export const persistStorage = {
  getItem: (name: string): string | null => {
    const v = readStorage<unknown>(name)
    return typeof v === 'string' ? v : null
  },
  setItem: (name: string, value: string): void => {
    writeStorage(name, value)
  },
  removeItem: (name: string): void => removeStorage(name)
}
