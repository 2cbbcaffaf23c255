/**
 * The four states of a {@link LoadState} in one place: a skeleton while the first load runs
 * (`idle` counts as loading: the page asked or is about to), the error with 重试, an empty result
 * with its action, and the data through `children`. Shown data carries a banner when it is an
 * offline copy (`staleSince`) or when the last refresh failed (`refreshError`).
 */
import type { ReactNode } from 'react'
import type { LoadState } from '../load-state'
import { formatDateTime } from '../format'
import { Banner } from './Banner'
import { EmptyState, ErrorState, Skeleton } from './StateView'

/** What an empty result says, and its one action (e.g. 清除筛选): every empty state has one. */
export interface EmptyCopy {
  message: string
  actionText: string
  onAction: () => void
}

export interface LoadStateViewProps<T> {
  /** The slot; undefined (a record never asked for) shows the skeleton. */
  state: LoadState<T> | undefined
  /** Skeleton label (正在加载…) and number of card-shaped rows. */
  loadingLabel: string
  rows?: number
  /** 重试 after a failed first load. */
  onRetry?: () => void
  /** Extra action under an error (e.g. 返回). */
  backText?: string
  onBack?: () => void
  /** When the data counts as empty (default: an empty array). */
  isEmpty?: (data: T) => boolean
  /** The empty state; without it an empty result renders through `children` like any other. */
  empty?: EmptyCopy | ((data: T) => EmptyCopy)
  /** Reloads shown data on the banner's 重试 (`refresh: true`; its failure is already shown). */
  onRefresh?: () => Promise<void>
  /** Show the stale / failed-refresh banner over shown data (default true; false where the page shows it elsewhere). */
  banner?: boolean
  children: (data: T) => ReactNode
}

/** The stale or failed-refresh notice over shown data. */
function staleText(since: number): string {
  return `网络不可用，已显示 ${formatDateTime(since)} 保存的内容，可能不是最新`
}

/** The banner for shown data: an offline copy, or a refresh that failed. Null when neither. */
function RefreshBanner<T>({ state, onRefresh }: { state: LoadState<T> | undefined; onRefresh?: () => Promise<void> }) {
  if (state?.status !== 'ready') return null
  const retry = onRefresh ? () => onRefresh().catch(() => undefined) : undefined
  if (state.staleSince) return <Banner tone='warn' message={staleText(state.staleSince)} actionText='重试' onAction={retry} />
  if (state.refreshError && !state.refreshing) return <Banner tone='warn' message={`刷新失败：${state.refreshError}，仍显示之前的内容`} actionText='重试' onAction={retry} />
  return null
}

const emptyArray = (d: unknown) => Array.isArray(d) && d.length === 0

export function LoadStateView<T>(props: LoadStateViewProps<T>) {
  const { state, loadingLabel, rows = 3, onRetry, backText, onBack, isEmpty = emptyArray, empty, onRefresh, banner = true, children } = props
  if (!state || state.status === 'idle' || state.status === 'loading') return <Skeleton rows={rows} label={loadingLabel} />
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={onRetry} backText={backText} onBack={onBack} />
  if (empty && isEmpty(state.data)) {
    const copy = typeof empty === 'function' ? empty(state.data) : empty
    return <EmptyState message={copy.message} actionText={copy.actionText} onAction={copy.onAction} />
  }
  return (
    <>
      {banner ? <RefreshBanner state={state} onRefresh={onRefresh} /> : null}
      {children(state.data)}
    </>
  )
}
