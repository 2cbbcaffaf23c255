/**
 * The shell every detail page uses (a site, a route, and the coming detail pages): the page's id
 * and title from its link, the H5 back bar, the load states, a not-found page with a way back,
 * pull-down refresh, share, and the banner over an offline copy or a failed refresh.
 *
 * A page calls {@link useDetailPage} at its top (page hooks belong to the page) and renders
 * {@link DetailPage} with the record's slot from its feature store.
 */
import Taro, { useLoad, usePullDownRefresh, useShareAppMessage } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useEffect, useState, type ReactNode } from 'react'
import type { LoadOptions } from '../loader'
import type { LoadState } from '../load-state'
import { readParam } from '../params'
import { H5BackBar } from './H5BackBar'
import { ErrorState } from './StateView'
import { LoadStateView } from './LoadStateView'

/** The id meaning "the link has no id" (distinct from '' = not read yet). */
const MISSING_ID = '-'

export interface DetailHooks<T> {
  /** Called once with the id from the link (not called when the link has none). */
  onOpen(id: string): void
  /** Reloads the record; `refresh: true` rejects on failure (the page says why in a toast). */
  reload(id: string, opts: LoadOptions): Promise<void>
  /** The record's title for the navigation bar. */
  nameOf(data: T): string
  /** What sharing the page sends (`data` when loaded). */
  share(id: string, data: T | undefined): { title: string; path: string }
}

/**
 * Reads `id` and `title` from the link, and wires the title, pull-down refresh and share for the
 * record. `useRecord` is the page's store selector for one id (a hook: called on every render).
 */
export function useDetailPage<T>(useRecord: (id: string) => LoadState<T> | undefined, hooks: DetailHooks<T>): { id: string; paramTitle: string; state: LoadState<T> | undefined } {
  const [id, setId] = useState('')
  const [paramTitle, setParamTitle] = useState('')
  const record = useRecord(id)
  const current = id && id !== MISSING_ID ? record : undefined

  useLoad((params) => {
    const linkId = readParam(params, 'id')
    const title = readParam(params, 'title')
    if (title) {
      setParamTitle(title)
      Taro.setNavigationBarTitle({ title }).catch(() => undefined)
    }
    setId(linkId || MISSING_ID)
    if (linkId) hooks.onOpen(linkId)
  })

  const name = current?.status === 'ready' ? hooks.nameOf(current.data) : ''
  useEffect(() => {
    if (name) Taro.setNavigationBarTitle({ title: name }).catch(() => undefined)
  }, [name])

  usePullDownRefresh(async () => {
    try {
      if (id && id !== MISSING_ID) await hooks.reload(id, { refresh: true })
    } catch (err) {
      Taro.showToast({ title: (err as Error).message || '刷新失败', icon: 'none' })
    } finally {
      Taro.stopPullDownRefresh()
    }
  })

  useShareAppMessage(() => hooks.share(id, current?.status === 'ready' ? current.data : undefined))

  return { id, paramTitle, state: current }
}

/** What a detail page says when its record cannot be shown. */
export interface DetailCopy {
  /** Title before the record loads (when the link carries none). */
  title: string
  loading: string
  /** The link has no id. */
  missing: string
  missingBack: string
  /** No record with this id. */
  notFound(id: string): string
  notFoundBack: string
}

export interface DetailPageProps<T> {
  id: string
  paramTitle: string
  state: LoadState<T> | undefined
  copy: DetailCopy
  nameOf(data: T): string
  onBack(): void
  reload(id: string, opts: LoadOptions): Promise<void>
  children: (data: T) => ReactNode
}

export function DetailPage<T>({ id, paramTitle, state, copy, nameOf, onBack, reload, children }: DetailPageProps<T>) {
  const title = state?.status === 'ready' ? nameOf(state.data) : paramTitle || copy.title
  let body: ReactNode
  if (id === MISSING_ID) body = <ErrorState message={copy.missing} backText={copy.missingBack} onBack={onBack} />
  else if (state?.status === 'error' && state.code === 'NOT_FOUND') body = <ErrorState message={copy.notFound(id)} backText={copy.notFoundBack} onBack={onBack} />
  else
    body = (
      <LoadStateView state={state} loadingLabel={copy.loading} rows={3} onRetry={() => reload(id, {})} backText='返回' onBack={onBack} onRefresh={() => reload(id, { refresh: true })}>
        {children}
      </LoadStateView>
    )
  return (
    <View>
      <H5BackBar title={title} onBack={onBack} />
      {body}
    </View>
  )
}
