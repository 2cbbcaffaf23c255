/**
 * Local storage over Taro's synchronous storage API (wx storage on weapp, localStorage on H5).
 * Every call is guarded: a full, missing or corrupt storage never throws into a page.
 */
import Taro from '@tarojs/taro'

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
 * A Zustand `persist` storage (string values) over Taro storage.
 * Use with `createJSONStorage(() => taroStateStorage)`.
 */
export const taroStateStorage = {
  getItem: (name: string): string | null => {
    const v = readStorage<unknown>(name)
    return typeof v === 'string' ? v : null
  },
  setItem: (name: string, value: string): void => {
    writeStorage(name, value)
  },
  removeItem: (name: string): void => removeStorage(name)
}
