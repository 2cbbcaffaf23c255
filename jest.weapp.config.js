/**
 * Jest: the weapp page tests. They render the BUILT mini-program (dist/weapp) in Node with
 * WeChat's component engine (miniprogram-simulate + the official wcc compiler); see
 * test/weapp/harness.ts. The global setup builds dist/weapp first when it is missing or older
 * than src/ or mock/data.
 */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  roots: ['<rootDir>/test/weapp'],
  testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
  // Node, not jsdom: the harness gives exparser its own jsdom window, while Taro's weapp runtime
  // must not find a browser around it.
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/weapp/global-setup.js',
  // The first page load runs wcc over all of dist/weapp (a few seconds on 2 shared cores).
  testTimeout: 60000,
  slowTestThreshold: 20,
  moduleFileExtensions: ['ts', 'js', 'json'],
  // Only our TypeScript is transformed; dist/weapp runs exactly as built.
  transform: { '^.+\\.ts$': 'babel-jest' },
  transformIgnorePatterns: ['/node_modules/', '/dist/']
}
