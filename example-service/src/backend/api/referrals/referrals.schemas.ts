import { z } from 'zod';
import { datetimeString, defineCrudModule, idParams, pageQuery, storableString } from '../common/index.js';

/** Body of `POST /referrals`: strict, unknown fields are refused; every string is bounded. */
export const createReferralBody = z.strictObject({
  code: storableString.min(1).max(255).regex(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/, { error: 'letters, digits and - . _ ~ only, not starting with .' }),
  referrerId: z.number().int().min(1).max(2147483647),
  referredId: z.number().int().min(1).max(2147483647),
  rewardedAt: datetimeString.nullable().optional(),
});

/** Body of `PATCH /referrals/:code`: any subset of the create fields, at least one. */
export const updateReferralBody = createReferralBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'give at least one field to change' });

/** `?limit=&offset=` of `GET /referrals`, plus an optional filter by each referenced row's id. */
export const referralsPageQuery = pageQuery.extend({
  referrerId: idParams.shape.id.optional(),
  referredId: idParams.shape.id.optional(),
});


/** Path parameters of `/referrals/:code`: the route key, validated like the field. */
export const referralIdParams = z.strictObject({
  code: storableString.min(1).max(255).regex(/^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/, { error: 'letters, digits and - . _ ~ only, not starting with .' }),
});

// scaffold:usecase-schemas
/** The module's routes for the OpenAPI document and the route-wide tests (collected by the app). */
export const referralsApiSpec = defineCrudModule({
  path: '/referrals',
  tag: 'referrals',
  scope: 'REFERRAL',
  create: createReferralBody,
  update: updateReferralBody,
  list: referralsPageQuery,
  item: referralIdParams,
  actions: [
    // scaffold:usecase-actions
  ],
});
