import '@testing-library/jest-dom'
import { resetTaroMock } from '../__mocks__/@tarojs/taro'

beforeEach(() => {
  resetTaroMock()
})
