// R1: backend code lives in src/backend/{api,db,services}/.
import { backendPlace } from '../paths.js';

const LAYERS = ['api', 'db', 'services'];

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'R1: backend code lives in src/backend/api, src/backend/db or src/backend/services' },
    schema: [],
    messages: { outside: "'{{where}}' is not a backend layer: move this file under src/backend/api, db or services." },
  },
  create(context) {
    const place = backendPlace(context.filename);
    if (!place || (place.layer !== undefined && LAYERS.includes(place.layer))) return {};
    return {
      Program(node) {
        context.report({ node, loc: { line: 1, column: 0 }, messageId: 'outside', data: { where: place.layer ?? 'src/backend' } });
      },
    };
  },
};
