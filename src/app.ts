import type { PropsWithChildren } from 'react'
import './app.scss'

/** The app shell: pages render as children. Stores load lazily from the pages that need them. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
