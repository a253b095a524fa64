export * from './argon2-password-hasher.js';
export * from './auth.adapters.js';
export * from './auth.config.js';
export * from './auth.router.js';
export * from './auth.schemas.js';
export * from './jose-token-issuer.js';
