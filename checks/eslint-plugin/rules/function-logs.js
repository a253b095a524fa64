// R3: every function under src/backend logs through a `[Module:function]` function logger, and
// errors are logged before they leave a function. See docs/rules.md (R3) for the exact scope.
import { backendPlace, pascal } from '../paths.js';

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const ERROR_LEVELS = new Set(['warn', 'error', 'fatal']);
/** Suffixes a module folder's loggers may carry: `InvoicesDb`, `InvoicesApi`, `InvoicesMemory`. */
const DEFAULT_SUFFIXES = ['', 'Db', 'Api', 'Memory'];

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'R3: functions log with a [Module:function] prefix; errors are logged before they leave' },
    schema: [
      {
        type: 'object',
        properties: {
          wrappers: { type: 'array', items: { type: 'string' } },
          suffixes: { type: 'array', items: { type: 'string' } },
          infrastructure: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      notLogged:
        "'{{name}}' does not log: give it a function logger (functionLogger(moduleLog, 'Module', '{{name}}')) or wrap it in logged(fn('{{name}}'), …).",
      badModule: "Logger module '{{given}}' does not match the module folder '{{folder}}': use one of {{expected}}.",
      badFunction: "Function logger '[{{given}}]' is used by '{{owner}}': its prefix must name '{{owner}}'.",
      unloggedThrow: 'This error leaves the function without being logged: log it (log.warn / log.error) before throwing, or wrap the function in logged(…).',
      falsePure: "'{{name}}' is marked @pure but is async or throws: pure functions neither wait nor throw; give it a function logger.",
    },
  },
  create(context) {
    const place = backendPlace(context.filename);
    if (!place || place.test) return {};
    const options = context.options[0] ?? {};
    const wrappers = new Set(options.wrappers ?? ['logged', 'route']);
    const suffixes = options.suffixes ?? DEFAULT_SUFFIXES;
    // Shared infrastructure folders (`common/`) and files directly in a layer (`api/routes.ts`):
    // only the console ban and the module-name check apply there (see docs/rules.md, R3).
    const infrastructure = place.module === undefined || (options.infrastructure ?? ['common']).includes(place.module);
    const source = context.sourceCode;
    /** Names of local `(name) => functionLogger(log, 'Module', name)` factories. */
    const factories = new Set();
    const loggerCalls = [];
    const targets = [];
    const throws = [];

    const calleeName = (call) => (call.callee.type === 'Identifier' ? call.callee.name : undefined);
    const isMakerName = (name) => name !== undefined && (name === 'functionLogger' || /[a-z]FunctionLogger$/.test(name));
    const isLoggerCall = (call) => {
      const name = calleeName(call);
      return isMakerName(name) || factories.has(name);
    };
    const isWrapperCall = (node) => node?.type === 'CallExpression' && wrappers.has(calleeName(node));
    const stringArg = (arg) => (arg?.type === 'Literal' && typeof arg.value === 'string' ? arg.value : undefined);

    /** The name a function is known by: declaration id, variable, property or method key. */
    const nameOf = (fn) => {
      if (fn.id?.name) return fn.id.name;
      const p = fn.parent;
      if (p?.type === 'VariableDeclarator' && p.id.type === 'Identifier') return p.id.name;
      if ((p?.type === 'Property' || p?.type === 'MethodDefinition') && !p.computed) return p.key.name ?? p.key.value;
      return undefined;
    };
    /** The innermost enclosing function of a node (or undefined at module level). */
    const enclosingFunction = (node) => {
      for (let n = node.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return n;
      return undefined;
    };
    /** Whether a node sits inside a function passed to a logging wrapper such as `logged(…)`. */
    const insideWrapper = (node) => {
      for (let n = node.parent; n; n = n.parent) {
        if (FUNCTION_TYPES.has(n.type) && isWrapperCall(n.parent) && n.parent.arguments.includes(n)) return true;
      }
      return false;
    };
    const walk = (node, visit, intoFunctions = true) => {
      if (!node || typeof node.type !== 'string') return;
      visit(node);
      for (const key of source.visitorKeys[node.type] ?? []) {
        const child = node[key];
        for (const c of Array.isArray(child) ? child : [child]) {
          if (c && typeof c.type === 'string' && (intoFunctions || !FUNCTION_TYPES.has(c.type))) walk(c, visit, intoFunctions);
        }
      }
    };
    const logsInside = (fn) => {
      let found = false;
      walk(fn.body, (n) => {
        if (n.type === 'CallExpression' && (isLoggerCall(n) || isWrapperCall(n))) found = true;
      });
      return found;
    };
    const isPure = (fn) => {
      const holder = fn.type === 'FunctionDeclaration' ? fn : fn.parent?.parent ?? fn;
      const statement = holder.parent?.type?.startsWith('Export') ? holder.parent : holder;
      return source.getCommentsBefore(statement).some((c) => c.type === 'Block' && /@pure\b/.test(c.value));
    };

    const checkModule = (node, given) => {
      const folder = place.module;
      if (folder === undefined || folder === 'common') {
        if (!/^[A-Z][A-Za-z0-9]*$/.test(given)) {
          context.report({ node, messageId: 'badModule', data: { given, folder: folder ?? place.layer ?? 'backend', expected: 'a PascalCase name' } });
        }
        return;
      }
      const expected = suffixes.map((s) => pascal(folder) + s);
      if (!expected.includes(given)) {
        context.report({ node, messageId: 'badModule', data: { given, folder, expected: expected.join(', ') } });
      }
    };
    const checkFunctionName = (call, given, label) => {
      const p = call.parent;
      let owner;
      if (isWrapperCall(p) && p.arguments[0] === call) {
        const holder = p.parent;
        if (holder?.type === 'Property' && !holder.computed) owner = holder.key.name ?? holder.key.value;
        else if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') owner = holder.id.name;
        else return; // an anonymous wrapped handler (e.g. a route) is named by its logger
      } else {
        const fn = enclosingFunction(call);
        owner = fn ? nameOf(fn) : undefined;
      }
      if (owner !== undefined && owner !== given) {
        context.report({ node: call, messageId: 'badFunction', data: { given: label, owner } });
      }
    };

    return {
      VariableDeclarator(node) {
        const init = node.init;
        if (node.id.type !== 'Identifier' || !init || init.type !== 'ArrowFunctionExpression') return;
        const body = init.body.type === 'BlockStatement' ? init.body.body.at(-1)?.argument : init.body;
        const param = init.params[0];
        if (body?.type === 'CallExpression' && isMakerName(calleeName(body)) && param?.type === 'Identifier'
          && body.arguments.at(-1)?.type === 'Identifier' && body.arguments.at(-1).name === param.name) {
          factories.add(node.id.name);
        }
      },
      CallExpression(node) {
        const name = calleeName(node);
        if (name === 'moduleLogger' && stringArg(node.arguments[1]) !== undefined) checkModule(node, stringArg(node.arguments[1]));
        loggerCalls.push(node);
      },
      ThrowStatement(node) {
        throws.push(node);
      },
      'FunctionDeclaration, FunctionExpression, ArrowFunctionExpression'(node) {
        const p = node.parent;
        const exported = p.type === 'ExportNamedDeclaration' || p.type === 'ExportDefaultDeclaration'
          || (p.type === 'VariableDeclarator' && p.parent.parent?.type === 'ExportNamedDeclaration');
        const method = (p.type === 'Property' && p.value === node && p.parent.type === 'ObjectExpression'
          && (p.parent.parent.type === 'ReturnStatement' || p.parent.parent.type === 'ArrowFunctionExpression'))
          || (p.type === 'MethodDefinition' && p.kind === 'method' && p.key.type !== 'PrivateIdentifier');
        if (exported || method) targets.push(node);
      },
      'Program:exit'() {
        if (infrastructure) return;
        for (const call of loggerCalls) {
          if (!isLoggerCall(call)) continue;
          const name = calleeName(call);
          if (name === 'functionLogger') {
            const m = stringArg(call.arguments[1]);
            if (m !== undefined) checkModule(call, m);
          }
          const f = stringArg(call.arguments.at(-1));
          if (f !== undefined && call.arguments.length >= (name === 'functionLogger' ? 3 : 1)) {
            checkFunctionName(call, f, `${stringArg(call.arguments[1]) ?? 'Module'}:${f}`);
          }
        }
        for (const fn of targets) {
          const name = nameOf(fn) ?? '(anonymous)';
          if (factories.has(name)) continue;
          if (isPure(fn)) {
            let throwsInside = false;
            walk(fn.body, (n) => { if (n.type === 'ThrowStatement') throwsInside = true; }, false);
            if (fn.async || throwsInside) context.report({ node: fn, messageId: 'falsePure', data: { name } });
            continue;
          }
          if (!logsInside(fn)) context.report({ node: fn.parent.type === 'MethodDefinition' ? fn.parent : fn, messageId: 'notLogged', data: { name } });
        }
        for (const t of throws) {
          if (insideWrapper(t)) continue;
          const fn = enclosingFunction(t);
          // Only public functions and methods: a private helper's error surfaces in its caller.
          if (!fn || !targets.includes(fn)) continue;
          let logged = false;
          walk(fn.body, (n) => {
            if (n.type === 'CallExpression' && n.range[1] <= t.range[0] && n.callee.type === 'MemberExpression'
              && ERROR_LEVELS.has(n.callee.property.name)) logged = true;
          }, false);
          if (!logged && !isPure(fn)) context.report({ node: t, messageId: 'unloggedThrow' });
        }
      },
    };
  },
};
