import { describe, expect, it } from 'vitest';
import { mergeGenerated } from '../generators/field/merge.js';

const base = ['interface A {', '  name: string;', '  notes: string;', '}', '', 'function f() {', '  return 1;', '}', ''].join('\n');
const next = base.replace('  notes: string;\n', '  notes: string;\n  tier: string;\n');

describe('mergeGenerated (three-way, line-based)', () => {
  it('When the file is as generated, then it becomes the new rendering', () => {
    expect(mergeGenerated('a.ts', base, base, next)).toBe(next);
  });

  it('When the rendering does not change, then the file on disk stays as it is', () => {
    const edited = base.replace('return 1;', 'return 2;');
    expect(mergeGenerated('a.ts', edited, base, base)).toBe(edited);
  });

  it('When a hand edit is away from the change, then both are kept', () => {
    const edited = base.replace('  return 1;', '  // hand-written\n  return 2;');
    expect(mergeGenerated('a.ts', edited, base, next)).toBe(next.replace('  return 1;', '  // hand-written\n  return 2;'));
  });

  it('When the hand edit made the same change, then it is not a conflict', () => {
    expect(mergeGenerated('a.ts', next, base, next)).toBe(next);
  });

  it('When a hand edit touches the lines the change rewrites, then it refuses naming the file and lines', () => {
    const edited = base.replace('  notes: string;', '  notes: string; // free text');
    expect(() => mergeGenerated('src/a.ts', edited, base, next)).toThrow(/^src\/a\.ts was edited by hand where the field change must go \(lines 3-3\)/);
  });
});
