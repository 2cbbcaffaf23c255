/** Identifiers made on the device. */

/** A random id of `length` characters from [0-9a-z] (not cryptographic; for local ids and idempotency keys). */
export function randomId(length = 16): string {
  const chars = '0123456789abcdefghijklmnopqrstuvwxyz'
  let out = ''
  for (let i = 0; i < length; i++) out += chars[Math.floor(Math.random() * chars.length)]
  return out
}
