import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { LabelNotFoundError } from './labels.errors.js';
import { buildNewLabel, buildOtherLabel } from './labels.fixtures.js';
import { createInMemoryLabelsRepository } from './labels.memory-repository.js';
import { createLabelsService, type LabelsService } from './labels.service.js';

const log = pino({ level: 'silent' });

describe('LabelsService', () => {
  let service: LabelsService;
  beforeEach(() => {
    service = createLabelsService({ repo: createInMemoryLabelsRepository(log), log });
  });

  it('When a label is created, then it gets an id and can be read back', async () => {
    const input = buildNewLabel();
    const created = await service.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(service.get(created.id)).resolves.toEqual(created);
  });

  it('When labels are listed, then the page holds them in id order', async () => {
    const first = await service.create(buildNewLabel());
    const second = await service.create(buildOtherLabel());
    const page = await service.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ limit: 1, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(first.id).toBeLessThan(second.id);
  });

  it('When a label is updated, then the change is kept', async () => {
    const created = await service.create(buildNewLabel());
    const change = buildOtherLabel();
    const updated = await service.update(created.id, change);
    expect(updated).toMatchObject(change);
    await expect(service.get(created.id)).resolves.toMatchObject(change);
  });

  it('When a label is removed, then it is gone', async () => {
    const created = await service.create(buildNewLabel());
    await service.remove(created.id);
    await expect(service.get(created.id)).rejects.toBeInstanceOf(LabelNotFoundError);
  });

  it('When another label already has the name, then create refuses with LABEL.CONFLICT', async () => {
    const first = await service.create(buildNewLabel());
    await expect(service.create(buildNewLabel({ name: first.name }))).rejects.toMatchObject({ code: 'LABEL.CONFLICT' });
  });

  it('When the id does not exist, then get, update and remove refuse with LABEL.NOT_FOUND', async () => {
    await expect(service.get(999)).rejects.toMatchObject({ code: 'LABEL.NOT_FOUND' });
    await expect(service.update(999, buildOtherLabel())).rejects.toMatchObject({ code: 'LABEL.NOT_FOUND' });
    await expect(service.remove(999)).rejects.toMatchObject({ code: 'LABEL.NOT_FOUND' });
  });
  // scaffold:usecase-tests
});
