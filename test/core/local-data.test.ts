/**
 * Local data problems in the mock build (no server involved): a rule that trips over a stored
 * value becomes LOCAL_DATA (not retryable, no "服务器" wording); stored 纠错 reports that do not
 * check are never returned.
 */
import { callRule, DataError } from '@/services/core/errors'
import { createMemoryStore } from '@/services/core/kv'
import { createMeRepository, parseStoredReport, type StoredReport } from '@/services/me/repository'
import { classifyRejection, pageNotice } from '@/shared/page-guard'

describe('callRule (the in-process mock sources)', () => {
  it('turns a stray error from stored data into LOCAL_DATA, not retryable, saying what happened', async () => {
    const err = await callRule(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'length')")
    }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(DataError)
    expect(err).toMatchObject({ code: 'LOCAL_DATA', retryable: false })
    expect((err as DataError).message).toMatch(/本机保存的数据/)
    expect((err as DataError).message).not.toMatch(/服务器/)
  })
  it('keeps DataErrors as they are', async () => {
    await expect(callRule(() => { throw new DataError('NOT_FOUND') })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })
})

describe('stored 纠错 reports', () => {
  const good: StoredReport = { id: 'r-1', receivedAt: 1, participantId: 'p', targetType: 'site', targetId: 's1', message: '有误', contact: '', key: 'k1' }
  it('reads a good one and refuses wrong shapes, types and sizes', () => {
    expect(parseStoredReport(good)).toEqual(good)
    for (const bad of [null, 'x', [], { ...good, receivedAt: 'now' }, { ...good, receivedAt: Infinity }, { ...good, targetType: 'x' }, { ...good, message: 'x'.repeat(3_000_000) }, { ...good, id: '' }]) {
      expect(parseStoredReport(bad)).toBeNull()
    }
  })
  it('lists only the reports that check, and a corrupt one does not block a new report with its key', () => {
    const kv = createMemoryStore()
    const repo = createMeRepository(kv)
    kv.set('report:p:k1', { count: 1e9 })
    kv.set('report:p:k2', good)
    expect(repo.listReports('p')).toEqual([good])
    const fresh: StoredReport = { ...good, id: 'r-2', key: 'k1' }
    expect(repo.addReport(fresh)).toEqual({ report: fresh, created: true })
  })
})

describe('page guard words', () => {
  it('recognises failed chunks and malformed addresses, nothing else', () => {
    const chunk = Object.assign(new Error('Loading chunk 680 failed.\n(error: http://x/js/680.js)'), { name: 'ChunkLoadError' })
    expect(classifyRejection(chunk)).toBe('chunk')
    expect(classifyRejection(new Error('Loading CSS chunk 12 failed.\n(http://x/css/12.css)'))).toBe('chunk')
    expect(classifyRejection(new URIError('URI malformed'))).toBe('bad-address')
    expect(classifyRejection(new Error('other'))).toBeNull()
    expect(classifyRejection(undefined)).toBeNull()
  })
  it('says what happened and what to do', () => {
    expect(pageNotice('not-found').title).toBe('页面不存在')
    expect(pageNotice('offline').message).toMatch(/网络不可用.*重试/)
  })
})
