import { afterAll, describe, expect, it } from 'vitest';
import { planEndpoint, runEndpoint } from '../generators/endpoint/index.js';
import { copyService, readTree, removeCopy } from './support/workspace.js';

describe('all-or-nothing writes', () => {
  const service = copyService();
  afterAll(() => removeCopy(service));

  it('When the Nth write fails, then every earlier write is undone', () => {
    const request = { serviceDir: service, name: 'payments', fields: 'amount:int' };
    const writes = planEndpoint(request).changes.length;
    const before = readTree(service);
    for (const failAtWrite of [1, Math.ceil(writes / 2), writes]) {
      expect(() => runEndpoint(request, { failAtWrite, generateClient: false })).toThrow(/Injected failure/);
      expect(readTree(service)).toEqual(before);
    }
  });
});
