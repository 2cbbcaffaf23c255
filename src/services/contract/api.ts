/**
 * The HTTP API's route table: the one place both the remote source and the mock server take
 * their paths from. JSON bodies; errors as `{ "error": { "code", "message" } }` (see errors.ts).
 * Requests other than `auth/login` and the public reads carry `Authorization: Bearer <token>`;
 * writes carry `Idempotency-Key` where noted.
 */
export const API_PREFIX = '/api/v1'

export const API = {
  /** POST `{ code }` (wx.login code, or an H5 device id) → LoginResult. */
  login: { method: 'POST', path: `${API_PREFIX}/auth/login` },
  /** GET ?district&category&period&q&ids&page&pageSize → SitePage. Public. */
  listSites: { method: 'GET', path: `${API_PREFIX}/sites` },
  /** GET → Site, 404 NOT_FOUND. Public. */
  getSite: { method: 'GET', path: `${API_PREFIX}/sites/:id` },
  /** GET ?q&curated → RouteList. Public. */
  listRoutes: { method: 'GET', path: `${API_PREFIX}/routes` },
  /** GET → Route, 404 NOT_FOUND. Public. */
  getRoute: { method: 'GET', path: `${API_PREFIX}/routes/:id` },
  /** GET → Profile. */
  getProfile: { method: 'GET', path: `${API_PREFIX}/me/profile` },
  /** PUT `{ nickname, unit }` → Profile; 400 INVALID_INPUT with fields. */
  saveProfile: { method: 'PUT', path: `${API_PREFIX}/me/profile` },
  /** GET → `{ siteIds }`. */
  listFavourites: { method: 'GET', path: `${API_PREFIX}/me/favourites` },
  /** PUT (add) / DELETE (remove) → `{ siteIds }`. */
  favourite: { method: 'PUT', path: `${API_PREFIX}/me/favourites/:siteId` },
  unfavourite: { method: 'DELETE', path: `${API_PREFIX}/me/favourites/:siteId` },
  /** POST ReportInput (with Idempotency-Key = key) → ReportReceipt. */
  submitReport: { method: 'POST', path: `${API_PREFIX}/reports` },
  /** GET → `{ ok: true }`: the server is up (used by scripts and tests). Public. */
  health: { method: 'GET', path: `${API_PREFIX}/health` },

  // ---- quiz (党史互动竞答; shapes in contract/quiz.ts, rules in rules/quiz.ts) ----------------
  // The server's clock is authoritative: bodies carry choices and idempotency keys only; any
  // other field (a score, a time) is ignored. Writes take the key in the body (`idempotencyKey`)
  // and/or the `Idempotency-Key` header: the header fills a missing body key, a mismatch is 400.
  /** GET → `{ items: TopicInfo[] }`. Public. */
  quizTopics: { method: 'GET', path: `${API_PREFIX}/quiz/topics` },
  /** GET → `{ items: SiteQuizInfo[] }` (sites that have questions). Public. */
  quizSites: { method: 'GET', path: `${API_PREFIX}/quiz/sites` },
  /** GET → DayStatus of today (Asia/Shanghai, server clock). */
  quizDay: { method: 'GET', path: `${API_PREFIX}/quiz/day` },
  /** POST StartRoundInput (Idempotency-Key) → Round. */
  quizStartRound: { method: 'POST', path: `${API_PREFIX}/quiz/rounds` },
  /** GET ?mode → `{ round: Round | null }`: the round in progress. */
  quizActiveRound: { method: 'GET', path: `${API_PREFIX}/quiz/rounds/active` },
  /** GET → Round as it stands now; 404 for an unknown or another participant's round. */
  quizGetRound: { method: 'GET', path: `${API_PREFIX}/quiz/rounds/:id` },
  /** POST (no body) → `{ item: RoundItem | null }`: opens the next question on the server's clock (or returns the open one). */
  quizOpenNext: { method: 'POST', path: `${API_PREFIX}/quiz/rounds/:id/next` },
  /** POST `{ questionId, choice, idempotencyKey }` (Idempotency-Key) → AnswerResult; 409 when late or already answered. */
  quizAnswer: { method: 'POST', path: `${API_PREFIX}/quiz/rounds/:id/answers` },
  /** POST `{ idempotencyKey }` (Idempotency-Key) → RoundResult; finishing again returns the same result. */
  quizFinish: { method: 'POST', path: `${API_PREFIX}/quiz/rounds/:id/finish` },
  /** GET → RoundResult of an ended round; 409 while in progress. */
  quizRoundResult: { method: 'GET', path: `${API_PREFIX}/quiz/rounds/:id/result` },
  /** GET ?limit → `{ items: RoundSummary[] }`, newest first. */
  quizMyRounds: { method: 'GET', path: `${API_PREFIX}/quiz/me/rounds` },
  /** GET → `{ items: WrongBookEntry[] }` (the 错题本). */
  quizWrongBook: { method: 'GET', path: `${API_PREFIX}/quiz/me/wrong-book` },
  /** GET → Consent. */
  quizGetConsent: { method: 'GET', path: `${API_PREFIX}/quiz/me/consent` },
  /** PUT `{ nickname, unit }` → Consent; 400 INVALID_INPUT with fields. */
  quizAgree: { method: 'PUT', path: `${API_PREFIX}/quiz/me/consent` },
  /** DELETE → Consent (withdrawn: off every board). */
  quizWithdraw: { method: 'DELETE', path: `${API_PREFIX}/quiz/me/consent` },
  /** GET ?key&limit&neighbours → LeaderboardView; `:period` is day, week or all. */
  quizLeaderboard: { method: 'GET', path: `${API_PREFIX}/quiz/leaderboards/:period` },
  /** GET ?key&limit&neighbours → UnitLeaderboardView. */
  quizUnitLeaderboard: { method: 'GET', path: `${API_PREFIX}/quiz/leaderboards/:period/units` }
} as const

/** Name of one route in {@link API}. */
export type ApiRouteName = keyof typeof API
/** HTTP methods the API uses. */
export type ApiMethod = (typeof API)[ApiRouteName]['method']

/** Fills `:name` placeholders in a path, URL-encoding each value. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:([A-Za-z]+)/g, (_, k: string) => {
    const val = params[k]
    if (val === undefined) throw new Error(`missing path parameter ${k}`)
    return encodeURIComponent(val)
  })
}

/** Builds a query string from defined, non-empty values (arrays joined by commas). */
export function toQueryString(params: Record<string, unknown>): string {
  const parts: string[] = []
  for (const [k, val] of Object.entries(params)) {
    if (val === undefined || val === null || val === '') continue
    const s = Array.isArray(val) ? val.join(',') : String(val)
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(s)}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}
