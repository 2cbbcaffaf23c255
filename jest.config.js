/**
 * Jest: unit, component and contract tests (jsdom). The weapp-build tests have their own
 * config (jest.weapp.config.js) because they need a built dist/weapp.
 */
const taroGlobals = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  __TARO_FRAMEWORK__: 'react'
}

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx'],
  testPathIgnorePatterns: ['<rootDir>/test/weapp/', '<rootDir>/test/e2e/', '<rootDir>/test/size/baseline/'],
  modulePathIgnorePatterns: ['<rootDir>/test/size/baseline/'],
  setupFilesAfterEnv: ['<rootDir>/test/setup/jest.setup.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
  transform: { '^.+\\.(t|j)sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  // Taro's React wrappers ship ESM (also in their nested node_modules): transform any path under them.
  transformIgnorePatterns: ['^(?!.*[\\\\/](@tarojs|@stencil|swiper|ssr-window|dom7)[\\\\/]).*[\\\\/]node_modules[\\\\/]'],
  moduleNameMapper: {
    '^@tarojs/taro$': '<rootDir>/test/__mocks__/@tarojs/taro.ts',
    '^@tarojs/components$': '@tarojs/components/lib/react',
    '\\.(css|scss|sass)$': '<rootDir>/test/__mocks__/style.ts',
    '\\.(png|jpg|jpeg|gif|svg)$': '<rootDir>/test/__mocks__/file.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@mock/(.*)$': '<rootDir>/mock/$1'
  },
  globals: taroGlobals
}
