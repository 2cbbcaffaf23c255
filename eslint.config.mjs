// ESLint flat config. Besides TypeScript's recommended rules it holds the architecture of
// shared/design.md: layers depend downward only (pages → features → services → shared), features
// don't import each other, and pages/components never touch Taro.request, storage or a data
// source directly (stores do). test/lint/boundaries.test.ts proves these rules fire.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

/**
 * The features. Adding a feature adds its name here (one line): its `features/<f>` and
 * `services/<f>` folders are then held apart from every other feature's.
 */
const FEATURES = ['heritage', 'me', 'quiz']

/** Each feature may not import any other feature, nor another feature's services. */
const featureZones = FEATURES.flatMap((f) => [
  {
    target: `./src/features/${f}`,
    from: './src/features',
    except: [`./${f}`],
    message: 'Features do not import each other: compose them in a page, or link to the other feature\'s page by URL.'
  },
  {
    target: `./src/features/${f}`,
    from: './src/services',
    except: [`./${f}`, './core'],
    message: 'A feature reads only its own services/<feature> module (and services/core).'
  },
  {
    target: `./src/services/${f}`,
    from: './src/services',
    except: [`./${f}`, './core'],
    message: 'services/<feature> imports only services/core and itself: pass other features\' facts in.'
  }
])

/** services/core knows no feature. */
const coreZone = { target: './src/services/core', from: './src/services', except: ['./core'], message: 'services/core knows no feature.' }

const layerZones = [
  { target: './src/services', from: ['./src/features', './src/pages', './src/packages'], message: 'services/ must not import features or pages (dependencies point down).' },
  { target: './src/shared', from: ['./src/services', './src/features', './src/pages', './src/packages'], message: 'shared/ knows nothing of services, features or pages.' },
  { target: './src/features', from: ['./src/pages', './src/packages'], message: 'features/ must not import pages.' }
]

const DIRECT_IO = '^(request|uploadFile|downloadFile|getStorageSync|setStorageSync|removeStorageSync|getStorage|setStorage|removeStorage|clearStorage|clearStorageSync)$'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'test/lint/fixtures/**', 'test/size/baseline/**', '.swc/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json', alwaysTryTypes: true })]
    },
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly', window: 'readonly', document: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', definePageConfig: 'readonly', defineAppConfig: 'readonly', jest: 'readonly', describe: 'readonly', it: 'readonly', test: 'readonly', expect: 'readonly', beforeEach: 'readonly', afterEach: 'readonly', beforeAll: 'readonly', afterAll: 'readonly' }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'import-x/no-unresolved': 'error',
      'import-x/no-restricted-paths': ['error', { zones: [...featureZones, coreZone, ...layerZones] }]
    }
  },
  {
    // Pages and components: no direct network/storage calls, no data-source modules.
    files: ['src/pages/**/*.{ts,tsx}', 'src/packages/**/*.{ts,tsx}', 'src/features/*/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: `MemberExpression[object.name='Taro'][property.name=/${DIRECT_IO}/]`, message: 'Pages and components do not call Taro.request or storage: go through a store.' }
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)services/([a-z-]+/)?(index|mock|remote|source|rules(/.*)?|request|session|storage|offline-cache)$|(^|/)services(/[a-z-]+)?$', message: 'Pages and components read data through feature stores, not services or storage.' }
          ]
        }
      ]
    }
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  }
)
