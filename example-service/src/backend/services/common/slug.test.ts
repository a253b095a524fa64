import { describe, expect, it } from 'vitest';
import { freeSlug, MAX_SLUG_LENGTH, slugOf } from './slug.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('slugs derived from a text', () => {
  it('When a text has accents, punctuation and runs of spaces, then its slug is lower-case ASCII words joined by -', () => {
    expect(slugOf('  Héllo, Wörld!  --  Über straße ', 'plan')).toBe('hello-world-uber-strasse');
    expect(slugOf('C++ & Go', 'plan')).toBe('c-and-go');
  });

  it('When nothing of the text is left, then the fallback is the slug', () => {
    expect(slugOf('!!! ---', 'plan')).toBe('plan');
    expect(slugOf('', 'plan')).toBe('plan');
  });

  it('When the text is long, then the slug stops at a word boundary within the limit', () => {
    const slug = slugOf('word '.repeat(100), 'plan');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SLUG);
    expect(slug.endsWith('word')).toBe(true);
    expect(slugOf('x'.repeat(500), 'plan')).toBe('x'.repeat(MAX_SLUG_LENGTH));
  });

  it('When the base is free, then it is chosen; when taken, then the first free numbered suffix', async () => {
    await expect(freeSlug('tea', async () => false)).resolves.toBe('tea');
    const taken = new Set(['tea', 'tea-2', 'tea-3']);
    await expect(freeSlug('tea', async (candidate) => taken.has(candidate))).resolves.toBe('tea-4');
  });

  it('When every numbered suffix is taken, then a random suffix follows the base', async () => {
    const tried: string[] = [];
    const slug = await freeSlug('tea', async (candidate) => (tried.push(candidate), true));
    expect(tried).toHaveLength(20);
    expect(tried.at(1)).toBe('tea-2');
    expect(tried.at(19)).toBe('tea-20');
    expect(slug).toMatch(/^tea-[0-9a-f]{8}$/);
  });
});
