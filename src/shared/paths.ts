/**
 * The one table of page paths. Every page path in src/ comes from here (links, tab switches,
 * share paths); `app.config.ts` keeps its own list for the build, and a unit test checks the two
 * agree. Adding a page: a line here and its line in `app.config.ts`.
 */
export const PAGES = {
  // Main package: the tab pages.
  home: '/pages/home/index',
  explore: '/pages/explore/index',
  quiz: '/pages/quiz/index',
  me: '/pages/me/index',
  // packages/heritage
  site: '/packages/heritage/site/index',
  route: '/packages/heritage/route/index',
  // packages/quiz
  quizPlay: '/packages/quiz/play/index',
  quizResult: '/packages/quiz/result/index',
  quizBoard: '/packages/quiz/board/index',
  quizPractice: '/packages/quiz/practice/index',
  quizWrongBook: '/packages/quiz/wrong-book/index',
  quizRules: '/packages/quiz/rules/index',
  quizHistory: '/packages/quiz/history/index'
} as const
