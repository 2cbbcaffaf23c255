import { useEffect, type PropsWithChildren } from 'react'
import { installPageGuards } from './shared/page-guard'
import { registerServiceWorker } from './shared/service-worker'
import { installPullRefreshFix } from './shared/h5-pull-refresh-fix'
import './app.scss'

// Before the router renders the first page: an unknown or unloadable page shows a notice, never a blank.
installPageGuards()
// H5: closed pages must not stay alive through Taro's pull-to-refresh listeners (see the module).
installPullRefreshFix()

/** The app shell: pages render as children. Stores load lazily from the pages that need them. */
function App({ children }: PropsWithChildren) {
  useEffect(() => registerServiceWorker(), [])
  return children
}

export default App
