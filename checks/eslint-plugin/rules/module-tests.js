// R12: each module folder (services, api, db) carries at least one test file.
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { backendPlace } from '../paths.js';
import { sourceFiles } from './folder-index.js';

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'R12: every module folder under src/backend/{services,api,db} has its tests' },
    schema: [],
    messages: { missing: "Module folder '{{layer}}/{{module}}' has no test file: add {{module}}.*.test.ts next to its code." },
  },
  create(context) {
    const place = backendPlace(context.filename);
    if (!place || place.module === undefined || place.module === 'common' || !['services', 'api', 'db'].includes(place.layer)) return {};
    const moduleDir = [place.backendDir, place.layer, place.module].join('/');
    if (place.dir !== moduleDir) return {};
    return {
      Program(node) {
        const files = sourceFiles(place.dir);
        if (files.filter((n) => !/\.test\.ts$/.test(n))[0] !== basename(context.filename)) return;
        if (readdirSync(place.dir).some((n) => /\.(test|spec)\.ts$/.test(n))) return;
        context.report({ node, loc: { line: 1, column: 0 }, messageId: 'missing', data: { layer: place.layer, module: place.module } });
      },
    };
  },
};
