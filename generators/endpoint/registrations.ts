/** An anchored patch: a block inserted just above a marker line, with the marker's indentation. */
export interface Registration {
  /** File relative to the service root. */
  file: string;
  /** The marker comment, e.g. `// scaffold:routes`. */
  marker: string;
  /** Handlebars source of the lines to insert (one or more, without indentation). */
  lines: string[];
}

/** Where a new module registers itself (rule R19: patch, never rewrite). */
export const ENDPOINT_REGISTRATIONS: Registration[] = [
  {
    file: 'src/backend/api/routes.ts',
    marker: '// scaffold:imports',
    lines: [
      "import type { {{Plural}}Service } from '../services/{{name}}/index.js';",
      "import { create{{Plural}}Router } from './{{name}}/index.js';",
    ],
  },
  { file: 'src/backend/api/routes.ts', marker: '// scaffold:services', lines: ['{{name}}: {{Plural}}Service;'] },
  {
    file: 'src/backend/api/routes.ts',
    marker: '// scaffold:routes',
    // A nested module's router resolves its parent's key through the parent's service (`--parent`).
    lines: ["router.use('{{mountPath}}', create{{Plural}}Router(services.{{name}}, {{#if parent}}{{parentLookup}}, {{/if}}log{{#if auth}}, services.auth{{/if}}));"],
  },
  {
    file: 'src/composition-root.ts',
    marker: '// scaffold:imports',
    lines: [
      "import { create{{Plural}}PrismaRepository } from './backend/db/{{name}}/index.js';",
      "import { create{{Plural}}Service, createInMemory{{Plural}}Repository } from './backend/services/{{name}}/index.js';",
    ],
  },
  {
    file: 'src/composition-root.ts',
    marker: '// scaffold:services',
    // A module with a secret field hashes it with the auth module's argon2id adapter (`npx plop auth` registered `authAdapters`).
    lines: ['{{name}}: create{{Plural}}Service({ repo: create{{Plural}}PrismaRepository(prisma, log), {{#if hasSecrets}}passwords: authAdapters(log).passwords, {{/if}}log }),'],
  },
  {
    file: 'src/composition-root.ts',
    marker: '// scaffold:memory-services',
    lines: ['{{name}}: create{{Plural}}Service({ repo: createInMemory{{Plural}}Repository(log), {{#if hasSecrets}}passwords: authAdapters(log).passwords, {{/if}}log }),'],
  },
  { file: 'src/backend/services/index.ts', marker: '// scaffold:exports', lines: ["export * from './{{name}}/index.js';"] },
  { file: 'src/backend/db/index.ts', marker: '// scaffold:exports', lines: ["export * from './{{name}}/index.js';"] },
  { file: 'src/backend/api/index.ts', marker: '// scaffold:exports', lines: ["export * from './{{name}}/index.js';"] },
];
