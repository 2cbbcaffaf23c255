/**
 * The kinds of source page every feature's content cites (sites, routes, questions, lessons,
 * lecture topics). Which kinds may be shown to users is decided when the data is built
 * (`mock/scripts/dataset-rules.ts`): only a publisher's own page, a recognised database, or a copy
 * whose publisher is identified; the rest stay in the data and out of the UI.
 */

/**
 * What kind of page a source URL is (from the reference's `domainKind`): the publisher's own page,
 * a copy on an unrelated domain, a database, a forum or self-media post, an AI-written compilation,
 * an encyclopedia, or foreign media.
 */
export const SOURCE_KINDS = ['original', 'mirror', 'database', 'forum', 'ai-compilation', 'encyclopedia', 'foreign-media'] as const
export type SourceKind = (typeof SOURCE_KINDS)[number]
