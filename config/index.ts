import path from 'path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * Build configuration shared by the weapp and H5 targets.
 *
 * Data source selection happens at build time: `TARO_APP_DATA_SOURCE=mock|remote` (default `mock`)
 * and `TARO_APP_API_BASE` (default `http://127.0.0.1:10086`, the mock server started by `npm run mock`).
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const dataSource = process.env.TARO_APP_DATA_SOURCE === 'remote' ? 'remote' : 'mock'
  const apiBase = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:10086'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'red-culture-cloud-classroom',
    date: '2026-11-30',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT lets a second build (e.g. remote data) sit beside the default one.
    outputRoot: process.env.TARO_OUTPUT_ROOT || `dist/${process.env.TARO_ENV}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@mock': path.resolve(__dirname, '..', 'mock')
    },
    defineConstants: {
      'process.env.TARO_APP_DATA_SOURCE': JSON.stringify(dataSource),
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase)
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: process.env.TARO_CACHE === '1' },
    // Chinese text stays UTF-8 in the minified JS (Taro's weapp default escapes it as \uXXXX: ~50 KB more).
    terser: { enable: true, config: { output: { ascii_only: false } } },
    mini: {
      // Shared styles are imported by main-package and subpackage components alike; their order
      // does not matter (each file scopes its own class names).
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // `npm run dev:h5` serves here; 10086 is left to the mock API (`npm run mock`).
      devServer: { host: '127.0.0.1', port: 10087 },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      webpackChain(chain) {
        // Taro splits each lazily loaded page into its own chunk and would copy the data layer
        // (stores, services, the embedded dataset, the component wrappers) into every one of them. Keep one shared async
        // chunk instead, loaded once and cached.
        chain.optimization.merge({
          splitChunks: {
            cacheGroups: {
              // The quiz's code and question bank, shared by the quiz pages only: loaded when a
              // quiz page opens, never on the first screen.
              quizShared: {
                name: 'quiz-shared',
                chunks: 'async',
                minChunks: 1,
                priority: 30,
                enforce: true,
                test: (module: { resource?: string }) =>
                  !!module.resource && /[\\/](src[\\/](features|services)[\\/]quiz[\\/]|mock[\\/]data[\\/]questions\.json)/.test(module.resource)
              },
              appShared: {
                name: 'app-shared',
                chunks: 'async',
                minChunks: 2,
                priority: 20,
                enforce: true,
                test: (module: { resource?: string }) =>
                  !!module.resource && /[\\/](src[\\/](services|features|shared)|mock[\\/]data|node_modules)[\\/]/.test(module.resource)
              }
            }
          }
        })
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      }
    }
  }
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
