import '@testing-library/jest-dom'
import { resetTaroMock } from '../__mocks__/@tarojs/taro'

beforeEach(() => {
  resetTaroMock()
})

/**
 * Taro's `<Input>` is the Stencil web component `taro-input-core`. In jsdom Stencil never renders
 * it, so its inner `<input>` (`inputRef`) stays undefined, and the component's `value` watcher
 * throws `TypeError: Cannot read properties of undefined (reading 'value')` whenever React updates
 * the value (seen as two console errors in explore.test.tsx). The tests drive inputs by dispatching
 * Taro's `input`/`confirm` events on the element, not through the inner `<input>`, so a plain
 * element that keeps its value stands in for it. Stencil defines the tag only if it is not yet
 * defined, so this stub is used instead of the real component.
 */
// (Only under jsdom: suites with `@jest-environment node` have no custom elements.)
if (typeof customElements !== 'undefined' && !customElements.get('taro-input-core')) {
  customElements.define(
    'taro-input-core',
    class TaroInputStub extends HTMLElement {
      value = ''
      focus() {}
    }
  )
}
