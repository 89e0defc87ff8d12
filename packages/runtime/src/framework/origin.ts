/** The origin of a dispatch. Accounts are 0x-hex AccountId32. */
export type Origin = { type: 'Signed'; who: string } | { type: 'Root' } | { type: 'None' };

export const rootOrigin: Origin = { type: 'Root' };
export const signed = (who: string): Origin => ({ type: 'Signed', who });
