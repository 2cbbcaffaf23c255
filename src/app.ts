import { useEffect, type PropsWithChildren } from 'react'
import { registerServiceWorker } from './shared/service-worker'
import './app.scss'

/** The app shell: pages render as children. Stores load lazily from the pages that need them. */
function App({ children }: PropsWithChildren) {
  useEffect(() => registerServiceWorker(), [])
  return children
}

export default App
