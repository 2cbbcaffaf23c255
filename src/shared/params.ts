/**
 * Page parameters: values are URL-encoded when a link is built and decoded once when read, so
 * Chinese text arrives intact on weapp (which passes the raw query) and H5 (which may decode it).
 */

/** Decodes a page parameter; a value that is not valid percent-encoding is returned as is. */
export function readParam(params: Record<string, string | undefined> | undefined, key: string): string {
  const raw = params?.[key]
  if (raw === undefined || raw === null) return ''
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** Builds `path?key=value&…` with each value URL-encoded; undefined and empty values are left out. */
export function buildUrl(path: string, params: Record<string, string | number | undefined> = {}): string {
  const qs = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return qs ? `${path}?${qs}` : path
}
