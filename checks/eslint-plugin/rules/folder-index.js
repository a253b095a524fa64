// R2: every folder under src/backend exports through an `index.ts`.
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { backendPlace } from '../paths.js';

/**
 * The source files of a folder, sorted, so that a folder-level problem is reported once, on its
 * first file.
 *
 * @param {string} dir - the folder.
 * @returns {string[]} its `.ts` file names.
 */
export function sourceFiles(dir) {
  return readdirSync(dir).filter((n) => /\.[cm]?ts$/.test(n) && !n.endsWith('.d.ts')).sort();
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'R2: every folder under src/backend exports through an index.ts' },
    schema: [],
    messages: { missing: "Folder '{{dir}}' has no index.ts: export its public parts through one." },
  },
  create(context) {
    const place = backendPlace(context.filename);
    if (!place || place.layer === undefined) return {};
    return {
      Program(node) {
        const files = sourceFiles(place.dir);
        if (files.includes('index.ts') || files[0] !== basename(context.filename)) return;
        context.report({ node, loc: { line: 1, column: 0 }, messageId: 'missing', data: { dir: basename(place.dir) } });
      },
    };
  },
};
