import { pino } from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { ProductNotFoundError } from './products.errors.js';
import { buildNewProduct, buildOtherProduct } from './products.fixtures.js';
import { createInMemoryProductsRepository } from './products.memory-repository.js';
import { createProductsService, type ProductsService } from './products.service.js';

const log = pino({ level: 'silent' });

describe('ProductsService', () => {
  let service: ProductsService;
  beforeEach(() => {
    service = createProductsService({ repo: createInMemoryProductsRepository(log), log });
  });

  it('When a product is created, then it gets an id and can be read back', async () => {
    const input = buildNewProduct();
    const created = await service.create(input);
    expect(created.id).toBeGreaterThan(0);
    expect(created).toMatchObject(input);
    await expect(service.get(created.id)).resolves.toEqual(created);
  });

  it('When products are listed, then the page holds them in id order', async () => {
    const first = await service.create(buildNewProduct());
    const second = await service.create(buildOtherProduct());
    const page = await service.list({ limit: 1, offset: 1 });
    expect(page).toMatchObject({ limit: 1, offset: 1 });
    expect(page.items.map((item) => item.id)).toEqual([second.id]);
    expect(first.id).toBeLessThan(second.id);
  });

  it('When a product is updated, then the change is kept', async () => {
    const created = await service.create(buildNewProduct());
    const change = buildOtherProduct();
    const updated = await service.update(created.id, change);
    expect(updated).toMatchObject(change);
    await expect(service.get(created.id)).resolves.toMatchObject(change);
  });

  it('When a product is removed, then it is gone', async () => {
    const created = await service.create(buildNewProduct());
    await service.remove(created.id);
    await expect(service.get(created.id)).rejects.toBeInstanceOf(ProductNotFoundError);
  });

  it('When another product already has the sku, then create refuses with PRODUCT.CONFLICT', async () => {
    const first = await service.create(buildNewProduct());
    await expect(service.create(buildNewProduct({ sku: first.sku }))).rejects.toMatchObject({ code: 'PRODUCT.CONFLICT' });
  });

  it('When the id does not exist, then get, update and remove refuse with PRODUCT.NOT_FOUND', async () => {
    await expect(service.get(999)).rejects.toMatchObject({ code: 'PRODUCT.NOT_FOUND' });
    await expect(service.update(999, buildOtherProduct())).rejects.toMatchObject({ code: 'PRODUCT.NOT_FOUND' });
    await expect(service.remove(999)).rejects.toMatchObject({ code: 'PRODUCT.NOT_FOUND' });
  });
  // scaffold:usecase-tests
});
