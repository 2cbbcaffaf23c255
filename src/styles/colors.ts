/**
 * The colour tokens that JavaScript needs (app.config.ts's bars, Taro dialogs' buttons): the same
 * values as styles/tokens.scss, checked equal by test/components/tokens.test.ts.
 */
export const COLORS = {
  primary: '#C8161D',
  primaryDark: '#A50F14',
  text: '#1F1F1F',
  textSecondary: '#595959',
  page: '#FAF7F2',
  card: '#FFFFFF'
} as const
