import type { Env } from '../../framework/env.ts';
import { takeAgenda } from './agenda.ts';
import { emitFundsLow } from './billing.ts';
import { emitSubscriptions } from './events.ts';
import { loseAward, terminate } from './lifecycle.ts';
import { SubscriptionsStorage as S } from './storage.ts';

/** on_initialize: runs the agenda of block `n` (cost O(entries of block n)). */
export function onInitialize(env: Env, n: number): void {
  for (const [id, kind] of takeAgenda(env, n)) {
    const sub = S.Subscriptions.get(env.state, id);
    if (!sub) continue;
    switch (kind) {
      case 'AckTimeout':
        sub.ack_deadline = undefined;
        loseAward(env, id, sub, { type: 'AckTimeout' });
        break;
      case 'FundsLow':
        sub.funds_low_at = undefined;
        emitFundsLow(env, id, sub, n, sub.expires_at!);
        S.Subscriptions.set(env.state, id, sub);
        break;
      case 'Expire':
        terminate(env, id, sub, 'OutOfFunds');
        break;
      case 'Purge':
        S.Subscriptions.remove(env.state, id);
        emitSubscriptions(env, 'Purged', { id });
        break;
    }
  }
}
