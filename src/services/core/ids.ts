/** Identifiers made on the device: random ids, idempotency keys and the mock-mode participant id. */
import { readStorage, writeStorage } from './storage'

const ID_CHARS = '0123456789abcdefghijklmnopqrstuvwxyz'

/** A random id of `length` characters from [0-9a-z] (`Math.random`: not cryptographic; for local ids and idempotency keys). */
export function randomId(length = 16): string {
  let out = ''
  for (let i = 0; i < length; i++) out += ID_CHARS[Math.floor(Math.random() * ID_CHARS.length)]
  return out
}

/** A random id of `length` characters from [0-9a-z], from `crypto.getRandomValues` where the platform has it (else {@link randomId}). */
export function secureRandomId(length: number): string {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto
  if (!c?.getRandomValues) return randomId(length)
  const bytes = c.getRandomValues(new Uint8Array(length))
  let out = ''
  for (let i = 0; i < length; i++) out += ID_CHARS[bytes[i] % ID_CHARS.length]
  return out
}

/**
 * An id generated once and then kept in storage under `key`: the stored value when it matches
 * `shape`, else a new one from `make` (stored; a value of any other shape is replaced).
 */
export function storedId(key: string, shape: RegExp, make: () => string): string {
  const stored = readStorage<string>(key)
  if (typeof stored === 'string' && shape.test(stored)) return stored
  const id = make()
  writeStorage(key, id)
  return id
}

/** Storage key of the locally generated participant id (mock mode). */
export const LOCAL_ID_KEY = 'rcc:participant-id'

/**
 * The participant id in mock mode: `local-` + 12 characters, generated once, then kept in storage
 * under {@link LOCAL_ID_KEY}. A stored value of any other shape is replaced.
 */
export function localParticipantId(): string {
  return storedId(LOCAL_ID_KEY, /^local-[0-9a-z]{12}$/, () => `local-${randomId(12)}`)
}
