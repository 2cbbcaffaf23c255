/**
 * Consent to appear on the boards: only participants who agreed (with a nickname and an optional
 * work unit) are on them; withdrawing takes them off every board at once. Their rounds and day
 * bests are kept either way, so agreeing again brings them back with their history.
 */
import { validateNameAndUnit } from '../../core/display-text'
import type { Consent } from '../contract'
import { run, type RulesContext } from './context'
import { bestEntries, memberOf } from './participants'

const NOT_AGREED: Consent = { agreed: false, nickname: '', unit: '', agreedAt: null }

/** Whether, and as whom, the participant agreed (`agreedAt` ms since the epoch). */
export function getConsent(ctx: RulesContext, pid: string): Consent {
  const c = ctx.people.read(pid)?.consent
  return c ? { agreed: true, nickname: c.nickname, unit: c.unit, agreedAt: c.at } : { ...NOT_AGREED }
}

/**
 * Agrees to appear as `{ nickname, unit }`, or updates them (keeping the first agreement's time).
 * The participant's past day bests appear at once.
 * @throws DataError `INVALID_INPUT` with `fields.nickname` / `fields.unit`
 */
export function agreeToBoards(ctx: RulesContext, pid: string, input: unknown): Consent {
  return run(ctx, () => {
    const clean = validateNameAndUnit(input)
    const rec = ctx.people.readOrFresh(pid)
    const at = rec.consent?.at ?? ctx.now()
    rec.consent = { nickname: clean.nickname, unit: clean.unit, at }
    ctx.people.save(pid, rec)
    const idx = ctx.people.index()
    const m = memberOf(pid, rec)
    if (idx.hasMember(pid)) idx.updateMember(m)
    else idx.addMember(m, bestEntries(rec))
    return { agreed: true, nickname: clean.nickname, unit: clean.unit, agreedAt: at }
  })
}

/** Withdraws consent: the participant leaves every board at once (their rounds are kept). */
export function withdrawFromBoards(ctx: RulesContext, pid: string): Consent {
  return run(ctx, () => {
    const rec = ctx.people.read(pid)
    if (rec?.consent) {
      rec.consent = null
      ctx.people.save(pid, rec)
    }
    ctx.people.index().removeMember(pid)
    return { ...NOT_AGREED }
  })
}
