/**
 * The quiz's rules as numbers and names (no schemas, no routes): small enough for the main
 * package, so the 竞答 tab states the same numbers the rules enforce. `contract.ts` re-exports
 * everything here.
 */

/** Question types: single choice (单选), multiple choice (多选), true/false (判断). */
export const QUESTION_TYPES = ['single', 'multiple', 'judge'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]
/** Chinese labels for {@link QuestionType}. */
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', judge: '判断题' }

/** The two options of every true/false question, in this order. */
export const JUDGE_OPTIONS = ['正确', '错误'] as const

/** Difficulty levels: 1 easy, 2 medium, 3 hard. */
export const DIFFICULTIES = [1, 2, 3] as const
export type Difficulty = (typeof DIFFICULTIES)[number]

/** The topic of the Quanzhou local Party-history questions (the app's own focus). */
export const LOCAL_TOPIC = '泉州地方党史'

/** Round modes: 每日答题, 竞答 and 专题练习. */
export const QUIZ_MODES = ['daily', 'competition', 'practice'] as const
export type QuizMode = (typeof QUIZ_MODES)[number]
/** Chinese labels for {@link QuizMode}. */
export const QUIZ_MODE_LABELS: Record<QuizMode, string> = { daily: '每日答题', competition: '竞答', practice: '专题练习' }

/** Questions in a 每日答题 round (the same for everyone that day). */
export const DAILY_QUESTION_COUNT = 10
/** Questions in a 竞答 round. */
export const COMPETITION_QUESTION_COUNT = 20
/** The visible per-question countdown of a 竞答 round, in milliseconds (20 s). */
export const QUESTION_TIME_MS = 20_000
/**
 * Extra time the server allows beyond {@link QUESTION_TIME_MS} for network delay, in milliseconds
 * (2 s). An answer received more than 22 000 ms after the question was opened is rejected.
 */
export const ANSWER_GRACE_MS = 2_000
/** Competition rounds a participant may play for the boards per Asia/Shanghai day; later ones are practice. */
export const COUNTED_ROUNDS_PER_DAY = 3
/** A 竞答 round expires this long after it started, in milliseconds (30 min); it is then closed as it stands. */
export const COMPETITION_ROUND_TTL_MS = 30 * 60_000
/** A 专题练习 round expires this long after it started, in milliseconds (24 h). A 每日答题 round expires at the end of its day. */
export const PRACTICE_ROUND_TTL_MS = 24 * 3_600_000
/** Questions in a 专题练习 round when none is asked for, and the most allowed. */
export const PRACTICE_DEFAULT_COUNT = 10
export const PRACTICE_MAX_COUNT = 20
/** Correct answers (since the last wrong one) that take a question out of the 错题本. */
export const WRONG_BOOK_RIGHTS_TO_LEAVE = 2
/** Most entries a leaderboard read returns (the top N). */
export const LEADERBOARD_MAX_LIMIT = 100
/** Entries shown just above and just below the participant's own, by default and at most. */
export const LEADERBOARD_DEFAULT_NEIGHBOURS = 2
export const LEADERBOARD_MAX_NEIGHBOURS = 10
/** Past rounds kept per participant (older ones are dropped, their day bests stay on the boards). */
export const MAX_ROUNDS_KEPT = 100
