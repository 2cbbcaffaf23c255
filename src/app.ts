import { useEffect, type PropsWithChildren } from 'react'
import { registerServiceWorker } from './shared/service-worker'
import { installPullRefreshFix } from './shared/h5-pull-refresh-fix'
import './app.scss'

// H5: closed pages must not stay alive through Taro's pull-to-refresh listeners (see the module).
installPullRefreshFix()

/** The app shell: pages render as children. Stores load lazily from the pages that need them. */
function App({ children }: PropsWithChildren) {
  useEffect(() => registerServiceWorker(), [])
  return children
}

export default App
