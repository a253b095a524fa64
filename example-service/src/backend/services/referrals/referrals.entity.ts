/** One referral as the core sees it (plain object, no ORM types). */
export interface Referral {
  id: number;
  code: string;
  referrerId: number;
  referredId: number;
  rewardedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What it takes to create a referral. */
export interface NewReferral {
  code: string;
  referrerId: number;
  referredId: number;
  rewardedAt?: Date | null;
}

/** A partial change to a referral; absent properties stay as they are. */
export type ReferralPatch = Partial<NewReferral>;

/** What a list of referrals can be narrowed by (each referenced row's id). */
export interface ReferralFilter {
  referrerId?: number;
  referredId?: number;
}
