import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plopJson } from './support/agent.js';
import { copyService, readTree, REPO_ROOT, removeCopy, run } from './support/workspace.js';

// Destroying a module whose create migration is committed drops its table. Without a terminal that
// needs --confirm-data-loss (test/agent-cli.test.ts); on a terminal the question is asked. The
// terminal is a real pseudo-terminal from util-linux `script`, the answer typed into it.
describe('destroy on a committed module: use case removal, and asking before dropping its table (terminal)', () => {
  let service: string;
  const git = (...args: string[]) => run('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], service);
  /** Runs `npx plop destroy widgets` on a pseudo-terminal and types `answer` once the question shows. */
  const onTerminal = (answer: string) => {
    const script = [
      'log=$(mktemp); fifo=$(mktemp -u); mkfifo "$fifo"',
      `script -qefc "npx plop --dest ${service} destroy widgets" "$log" < "$fifo" > /dev/null & pid=$!`,
      'exec 3> "$fifo"',
      'for i in $(seq 1 600); do grep -q "Continue?" "$log" && break; sleep 0.2; done',
      `printf '${answer}\\r' >&3`,
      'wait $pid; code=$?; exec 3>&-; cat "$log"; echo "exit=$code"; rm -f "$log" "$fifo"',
    ].join('\n');
    return spawnSync('bash', ['-c', script], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
  };
  beforeAll(() => {
    service = copyService();
    writeFileSync(join(service, '.gitignore'), 'generated/\nnode_modules/\n.data/\n');
    expect(plopJson(service, ['endpoint', 'widgets', 'code:string']).json.status).toBe('ok');
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'widgets');
  });
  afterAll(() => removeCopy(service));

  it('When a committed use case is removed, then the removal is logged; an uncommitted one leaves git status clean', () => {
    expect(plopJson(service, ['usecase', 'widgets', 'recount', '--method=GET', '--scope=collection']).json.status).toBe('ok');
    git('add', '-A');
    git('commit', '-qm', 'recount');
    expect(plopJson(service, ['usecase', 'widgets', 'ship']).json.status).toBe('ok');
    expect(plopJson(service, ['destroy', 'widgets', '--usecase=ship']).json.status).toBe('ok');
    expect(git('status', '--porcelain').stdout).toBe('');
    expect(plopJson(service, ['destroy', 'widgets', '--usecase=recount']).json.status).toBe('ok');
    const log = readFileSync(join(service, 'BACKEND-LOG.md'), 'utf8');
    expect(log).toContain('<!-- scaffold-run: usecase widgets recount -->');
    expect(log).toContain('<!-- scaffold-run: destroy widgets --usecase=recount -->');
    git('add', '-A');
    git('commit', '-qm', 'without recount');
  });

  it('When the answer is no, then it is refused (exit 2) and nothing is written', () => {
    const before = readTree(service);
    const out = onTerminal('n');
    expect(out.stdout).toMatch(/a drop-table migration will delete every/);
    expect(out.stdout).toMatch(/Destroying "widgets" deletes data/);
    expect(out.stdout).toMatch(/exit=2\s*$/);
    expect(readTree(service)).toEqual(before);
  });

  it('When the answer is yes, then the module goes and a drop-table migration is added', () => {
    const out = onTerminal('y');
    expect(out.stdout, out.stdout).toMatch(/done:/);
    expect(out.stdout).toMatch(/exit=0\s*$/);
    expect(readdirSync(join(service, 'prisma/migrations')).some((m) => m.endsWith('_drop_widgets'))).toBe(true);
  });
});
