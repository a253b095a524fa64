import type { ESLint, Rule } from 'eslint';

/** The scaffold's ESLint plugin (see index.js): rules `backend-layers`, `folder-index`, `function-logs`, `module-tests`. */
declare const plugin: ESLint.Plugin & { rules: Record<string, Rule.RuleModule> };
export default plugin;
