import { describe, expect, it } from 'vitest';
import { handWrittenRegions, keepHandWritten } from '../generators/regions.js';

const fresh = [
  'generated A',
  '  // #region hand-written body:x',
  '  return stub;',
  '  // #endregion hand-written body:x',
  'generated B',
  '// #region hand-written imports (what rules need)',
  '// #endregion hand-written imports',
  '',
].join('\n');

// Issue 9, item 3: regeneration keeps the code written by hand inside declared regions, and only there.
describe('hand-written regions', () => {
  it('When the current file has code in a region, then the fresh rendering takes it and stays generated elsewhere', () => {
    const current = fresh.replace('  return stub;', '  if (x.paid) throw new Conflict();\n  return x;').replace('// #endregion hand-written imports', "import { Conflict } from './c.js';\n// #endregion hand-written imports");
    const regenerated = fresh.replace('generated B', 'generated B, new template');
    expect(keepHandWritten(regenerated, current)).toBe(current.replace('generated B', 'generated B, new template'));
    expect(handWrittenRegions(current).get('imports')).toEqual(["import { Conflict } from './c.js';"]);
  });

  it('When code was changed outside a region, then it is not kept (the comparison with generator output sees it)', () => {
    const current = fresh.replace('generated A', 'edited A');
    expect(keepHandWritten(fresh, current)).toBe(fresh);
  });

  it('When a region is empty, missing from the file, or only in the file, then the default is used and the stray one dropped', () => {
    expect(keepHandWritten(fresh, fresh)).toBe(fresh);
    expect(keepHandWritten(fresh, 'no regions at all')).toBe(fresh);
    expect(keepHandWritten(fresh, undefined)).toBe(fresh);
    const stray = '// #region hand-written other\nmine\n// #endregion hand-written other\n';
    expect(keepHandWritten(fresh, stray)).toBe(fresh);
  });
});
