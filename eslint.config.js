// Lint rules, including the one-way layering of src/: model <- formats <- responsibility <- ingest <-
// analysis <- report <- app, cli. Nothing outside src/app imports React.
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Layers from the bottom up; each may import only the layers before it. app and cli are peers. */
const LAYERS = ['model', 'formats', 'responsibility', 'ingest', 'analysis', 'report', 'app', 'cli'];

function layeringZones() {
  const zones = [];
  LAYERS.forEach((layer, index) => {
    for (const other of LAYERS.slice(index + 1)) {
      zones.push({
        target: `./src/${layer}`,
        from: `./src/${other}`,
        message: `src/${layer} must not import src/${other}: dependencies point one way, from ${other} down to ${layer}.`,
      });
    }
  });
  zones.push({ target: './src/cli', from: './src/app', message: 'src/cli must not import src/app: the two are peers.' });
  return zones;
}

const REACT_IMPORTS = {
  paths: [
    { name: 'react', message: 'Only src/app imports React.' },
    { name: 'react-dom', message: 'Only src/app imports React.' },
    { name: 'recharts', message: 'Only src/app renders charts.' },
    { name: '@tanstack/react-query', message: 'Only src/app uses React Query.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'test-results', 'playwright-report', 'bench/out', 'screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs'] })] },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layeringZones() }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/app/**'],
    rules: { 'no-restricted-imports': ['error', REACT_IMPORTS] },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
);
