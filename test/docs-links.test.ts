import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/workspace.js';

// The project is self-contained: README.md, AGENTS.md and docs/ link only to files inside the
// repository (issue 9: they linked to ../shared/RULES.md, which no user has), and every rule is
// stated in docs/rules.md itself.

const DOCS = ['README.md', 'AGENTS.md', ...readdirSync(join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** Link targets of a Markdown text: inline `[text](target)`, reference definitions, autolinks. Code is skipped. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1] as string),
    ...[...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1] as string),
    ...[...prose.matchAll(/<((?:https?|ftp|mailto):[^>\s]+)>/g)].map((m) => m[1] as string),
  ];
}

describe('documentation links', () => {
  it('When the link parser reads inline, reference and autolinks, then it finds each and skips code', () => {
    const text = 'a [x](docs/rules.md) b [y](<../out.md> "t")\n[ref]: https://example.org\n<https://e.org/x>\n`[no](code.md)`\n```\n[no](block.md)\n```\n';
    expect(linkTargets(text)).toEqual(['docs/rules.md', '../out.md', 'https://example.org', 'https://e.org/x']);
  });

  it.each(DOCS)('When %s is read, then every link is relative, stays inside the repository and resolves', (doc) => {
    const targets = linkTargets(readFileSync(join(REPO_ROOT, doc), 'utf8'));
    for (const target of targets) {
      expect(target, `${doc}: ${target} leaves the repository`).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
      if (target.startsWith('#')) continue;
      const path = resolve(dirname(join(REPO_ROOT, doc)), decodeURIComponent(target.split('#')[0] as string));
      expect(relative(REPO_ROOT, path), `${doc}: ${target} leaves the repository`).not.toMatch(/^\.\.(\/|$)/);
      expect(existsSync(path), `${doc}: ${target} does not exist`).toBe(true);
    }
  });

  it('When docs/rules.md is read, then it states every rule R1–R20 in a sentence beside its enforcement', () => {
    const rules = readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8');
    for (let i = 1; i <= 20; i += 1) {
      const row = new RegExp(`^\\| R${i} \\| ([^|]+) \\| ([^|]+) \\|`, 'm').exec(rules);
      expect(row, `R${i}`).not.toBeNull();
      expect((row?.[1] ?? '').trim().length, `R${i} is stated in full`).toBeGreaterThan(30);
      expect((row?.[2] ?? '').trim().length, `R${i} names its enforcement`).toBeGreaterThan(10);
    }
  });
});
