import { randomUUID } from 'node:crypto';
import type { NewReceipt } from './receipts.entity.js';

/**
 * Test data factory: a valid new receipt, with overrides.
 *
 * @param overrides - properties to replace.
 * @returns a `NewReceipt` that every layer accepts.
 */
export function buildNewReceipt(overrides: Partial<NewReceipt> = {}): NewReceipt {
  return {
    invoiceId: 1,
    amount: '12.34',
    method: 'card',
    status: 'refunded',
    reference: randomUUID(),
    receivedAt: new Date('2026-01-31T12:00:00.000Z'),
    installment: 42,
    providerTxId: '9007199254740993',
    details: { label: 'details-1', n: 1 },
    metadata: { label: 'metadata-1', n: 1 },
    ...overrides,
  };
}

/**
 * A patch that changes every field to a second valid value.
 *
 * @param overrides - properties to replace (e.g. the ids of referenced rows).
 * @returns a full patch, distinct from the values of `buildNewReceipt`.
 */
export function buildOtherReceipt(overrides: Partial<NewReceipt> = {}): NewReceipt {
  return {
    invoiceId: 1,
    amount: '56.78',
    method: 'cash',
    status: 'received',
    reference: randomUUID(),
    receivedAt: new Date('2026-02-28T08:30:00.000Z'),
    installment: 7,
    providerTxId: '-5',
    details: { label: 'details-2', tags: ['a'] },
    metadata: { label: 'metadata-2', tags: ['a'] },
    ...overrides,
  };
}
