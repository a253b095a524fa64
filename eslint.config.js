// The scaffold's lint gate (ESLint 9 flat config + typescript-eslint). Every rule a lint rule can
// express lives here; docs/rules.md maps each rule id (R1–R20) to the ESLint rules below, and
// checks/run.ts maps reported ESLint rule ids back to R ids. Globs start with `**/` so the same
// config applies to the repository and to any service folder (also a copy under .tmp/).
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import jsdoc from 'eslint-plugin-jsdoc';
import tseslint from 'typescript-eslint';
import scaffold from './checks/eslint-plugin/index.js';

const SOURCE = ['**/*.ts', '**/*.js', '**/*.mjs'];
const BACKEND = ['**/src/backend/**/*.ts'];
const TESTS = ['**/*.test.ts', '**/*.fixtures.ts', '**/*.seed.ts', '**/test-support.ts', '**/testing.ts', '**/test/**'];
/** Files that carry public API: the service's own code, generators and check tooling. */
const PUBLIC_API = ['**/src/**/*.ts', 'generators/**/*.ts', 'checks/**/*.ts'];
/** The public surface R17 documents: exported functions, exported classes' methods, exported interfaces' methods. */
const EXPORTED = [
  'ExportNamedDeclaration > FunctionDeclaration',
  'ExportDefaultDeclaration > FunctionDeclaration',
  'ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > ArrowFunctionExpression',
  'ExportNamedDeclaration > ClassDeclaration MethodDefinition[accessibility!="private"][kind!="constructor"]',
];
/** Methods of exported interfaces (the ports and services under src/backend). */
const INTERFACE_METHOD = 'ExportNamedDeclaration > TSInterfaceDeclaration TSMethodSignature';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**', '**/generated/**', '**/.data/**', '**/dist/**', '**/coverage/**',
      // generator input (Handlebars) and the scratch copies tests make of the service
      'templates/**', '.tmp/**', 'test/rules/fixtures/**', 'bench/results/**',
    ],
  },
  { files: SOURCE, extends: [js.configs.recommended, ...tseslint.configs.recommended] },
  {
    files: SOURCE,
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // R2: no file over 300 lines (blank lines and comments count).
      'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
      // R8: no to-do or fix-me markers standing in for a requirement.
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'anywhere' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tests strip ANSI colour codes from CLI output.
    files: ['**/test/**/*.ts', '**/*.test.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    // The registration files of a service: generators fill the interface and use the parameters,
    // so a fresh service (no module yet) holds an empty interface and parameters nothing reads.
    files: ['**/src/composition-root.ts', '**/src/backend/api/routes.ts'],
    rules: {
      '@typescript-eslint/no-empty-object-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { args: 'none', varsIgnorePattern: '^_' }],
    },
  },
  {
    // R1, R2, R3, R12: the scaffold's own rules on backend code.
    files: BACKEND,
    plugins: { scaffold },
    rules: {
      'no-console': 'error',
      'scaffold/backend-layers': 'error',
      'scaffold/folder-index': 'error',
      'scaffold/function-logs': 'error',
      'scaffold/module-tests': 'error',
    },
  },
  {
    // R3: nothing in the service calls console.* (the logger is the only output).
    files: ['**/src/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // R6: ports and adapters (eslint-plugin-boundaries). Only the composition root, the server
    // and the entry point see both sides.
    files: ['**/src/**/*.ts'],
    ignores: TESTS,
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { alwaysTryTypes: true }, node: true },
      'boundaries/include': ['**/src/**/*', '**/generated/**/*'],
      'boundaries/elements': [
        { type: 'services', pattern: '**/src/backend/services' },
        { type: 'api', pattern: '**/src/backend/api' },
        { type: 'db', pattern: '**/src/backend/db' },
        { type: 'prisma-client', pattern: '**/generated/prisma' },
        { type: 'app', pattern: '**/src/app.ts', mode: 'full' },
        { type: 'composition', pattern: ['**/src/composition-root.ts', '**/src/server.ts', '**/src/main.ts'], mode: 'full' },
        { type: 'shared', pattern: ['**/src/config.ts', '**/src/logger.ts'], mode: 'full' },
      ],
    },
    rules: {
      'boundaries/element-types': ['error', {
        default: 'disallow',
        message: '${file.type} must not import ${dependency.type} (R6: ports and adapters)',
        rules: [
          { from: 'services', allow: ['services'] },
          { from: 'api', allow: ['api', 'services'] },
          { from: 'db', allow: ['db', 'services', 'prisma-client'] },
          { from: 'app', allow: ['api', 'services', 'shared'] },
          { from: 'composition', allow: ['services', 'api', 'db', 'prisma-client', 'app', 'shared', 'composition'] },
          { from: 'shared', allow: ['shared', 'services'] },
        ],
      }],
      'boundaries/external': ['error', {
        default: 'allow',
        message: '${file.type} must not import ${dependency.source} (R6: the core is framework-free)',
        rules: [
          { from: 'services', disallow: ['express', 'express-*', '@prisma/*', 'prisma', 'pg', 'pg-*', 'pino-http', 'helmet', 'jose', 'argon2'] },
          { from: 'api', disallow: ['@prisma/*', 'prisma', 'pg', 'pg-*'] },
        ],
      }],
    },
  },
  {
    // R17: exported functions and methods carry TSDoc with params, returns and throws
    // (eslint-plugin-jsdoc). Backend interfaces (ports, services) document their methods too.
    files: PUBLIC_API,
    ignores: TESTS,
    plugins: { jsdoc },
    settings: { jsdoc: { mode: 'typescript' } },
    rules: {
      'jsdoc/require-jsdoc': ['error', {
        publicOnly: true,
        require: { FunctionDeclaration: true, MethodDefinition: true, ClassDeclaration: false, ArrowFunctionExpression: true },
        checkConstructors: false,
      }],
      'jsdoc/require-param': ['error', { contexts: EXPORTED, checkDestructured: false, checkConstructors: false }],
      'jsdoc/require-returns': ['error', { contexts: EXPORTED }],
      'jsdoc/require-throws': ['error', { contexts: EXPORTED }],
      'jsdoc/check-param-names': ['error', { checkDestructured: false }],
    },
  },
  {
    files: BACKEND,
    ignores: TESTS,
    rules: {
      'jsdoc/require-jsdoc': ['error', {
        publicOnly: true,
        require: { FunctionDeclaration: true, MethodDefinition: true, ClassDeclaration: false, ArrowFunctionExpression: true },
        contexts: [INTERFACE_METHOD],
        checkConstructors: false,
      }],
      'jsdoc/require-param': ['error', { contexts: [...EXPORTED, INTERFACE_METHOD], checkDestructured: false, checkConstructors: false }],
    },
  },
);
