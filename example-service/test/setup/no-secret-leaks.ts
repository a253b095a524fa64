// Vitest setup file (vitest.config.ts `setupFiles`): runs before every test file of the service.
// It makes "no password and no hash in any log line or response body" a property of the whole
// suite, not of one test file: see leak-watch.ts for what is watched and how.
import express from 'express';
import { afterAll, expect, vi } from 'vitest';
import { findLeaks, currentWatch, recordResponses, resetWatch } from './leak-watch.js';

// Module mocks from a setup file apply to the test file that follows it (vitest docs, vi.mock).
// The factories load leak-watch.js themselves: vi.mock is hoisted above this file's imports.
vi.mock('pino', async (importOriginal) => {
  const { teePino } = await import('./leak-watch.js');
  return teePino(await importOriginal<import('./leak-watch.js').PinoModule>());
});
vi.mock('argon2', async (importOriginal) => {
  const { recordArgon2 } = await import('./leak-watch.js');
  return recordArgon2(await importOriginal<import('./leak-watch.js').Argon2Module>());
});

resetWatch();
recordResponses(express.response);

afterAll(() => {
  const watch = currentWatch();
  expect(findLeaks(watch), `a password, secret or hash reached a log line or a response body (${watch.lines.length} lines, ${watch.bodies.length} bodies watched)`).toEqual([]);
});
