// The scaffold's own ESLint plugin: the rules no maintained plugin covers (see docs/rules.md).
import backendLayers from './rules/backend-layers.js';
import folderIndex from './rules/folder-index.js';
import functionLogs from './rules/function-logs.js';
import moduleTests from './rules/module-tests.js';

/** The plugin object for `eslint.config.js` (`plugins: { scaffold }`). */
const plugin = {
  meta: { name: 'eslint-plugin-scaffold', version: '0.1.0' },
  rules: {
    'backend-layers': backendLayers,
    'folder-index': folderIndex,
    'function-logs': functionLogs,
    'module-tests': moduleTests,
  },
};

export default plugin;
