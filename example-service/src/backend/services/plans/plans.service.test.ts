import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { PlanNotFoundError } from './plans.errors.js';
import { buildNewPlan, buildOtherPlan } from './plans.fixtures.js';
import { createInMemoryPlansRepository } from './plans.memory-repository.js';
import { createPlansService, type PlansService } from './plans.service.js';

const log = pino({ level: 'silent' });

describe('PlansService', () => {
  let service: PlansService;
  beforeEach(() => {
    service = createPlansService({ repo: createInMemoryPlansRepository(log), log });
  });

  it('When a plan is created, then it gets an id and can be read back', async () => {
    const input = buildNewPlan();
    const created = await service.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(service.get(created.id)).resolves.toEqual(created);
  });

  it('When plans are listed, then the page holds them in id order', async () => {
    const first = await service.create(buildNewPlan());
    const second = await service.create(buildOtherPlan());
    const page = await service.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ limit: 1, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(first.id).toBeLessThan(second.id);
  });

  it('When a plan is updated, then the change is kept', async () => {
    const created = await service.create(buildNewPlan());
    const change = buildOtherPlan();
    const updated = await service.update(created.id, change);
    expect(updated).toMatchObject(change);
    await expect(service.get(created.id)).resolves.toMatchObject(change);
  });

  it('When a plan is removed, then it is gone', async () => {
    const created = await service.create(buildNewPlan());
    await service.remove(created.id);
    await expect(service.get(created.id)).rejects.toBeInstanceOf(PlanNotFoundError);
  });

  it('When another plan already has the slug, then create refuses with PLAN.CONFLICT', async () => {
    const first = await service.create(buildNewPlan());
    await expect(service.create(buildNewPlan({ slug: first.slug }))).rejects.toMatchObject({ code: 'PLAN.CONFLICT' });
  });

  it('When a plan is created without a slug, then it is derived from its title, with a suffix when taken', async () => {
    const n = Math.floor(Math.random() * 1e9);
    const { slug: _first, ...first } = buildNewPlan({ title: `Héllo, Wörld! ${n}` });
    const { slug: _second, ...second } = buildOtherPlan({ title: `hello world ${n}` });
    await expect(service.create(first)).resolves.toMatchObject({ slug: `hello-world-${n}` });
    await expect(service.create(second)).resolves.toMatchObject({ slug: `hello-world-${n}-2` });
    await expect(service.create({ ...buildNewPlan(), slug: `hello-world-${n}` })).rejects.toMatchObject({ code: 'PLAN.CONFLICT' });
  });
  it('When a plan has the slug, then idOf finds its id, and an unknown slug is PLAN.NOT_FOUND', async () => {
    const created = await service.create(buildNewPlan());
    await expect(service.idOf(created.slug)).resolves.toBe(created.id);
    await expect(service.idOf('no-such-key')).rejects.toMatchObject({ code: 'PLAN.NOT_FOUND' });
  });

  it('When the id does not exist, then get, update and remove refuse with PLAN.NOT_FOUND', async () => {
    await expect(service.get(999)).rejects.toMatchObject({ code: 'PLAN.NOT_FOUND' });
    await expect(service.update(999, buildOtherPlan())).rejects.toMatchObject({ code: 'PLAN.NOT_FOUND' });
    await expect(service.remove(999)).rejects.toMatchObject({ code: 'PLAN.NOT_FOUND' });
  });
  // scaffold:usecase-tests
});
