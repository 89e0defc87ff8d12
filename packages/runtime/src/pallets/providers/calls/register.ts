import { AccountId32, Bytes } from '../../../framework/common-types.ts';
import { ensureSigned } from '../../../framework/runtime.ts';
import type { CallDef } from '../../../framework/pallet.ts';
import { reserve, unreserve } from '../../currency.ts';
import { MAX_NAME_LEN, MAX_URL_LEN, PROVIDER_DEPOSIT } from '../constants.ts';
import { providersError } from '../errors.ts';
import { emitProviders } from '../events.ts';
import { ProvidersStorage as S } from '../storage.ts';
import { byteLen, mustProvider, putOfferingsOfType } from '../util.ts';

export const register: CallDef<{ name: string; api_url: string; operator: string }> = {
  index: 0,
  args: [['name', Bytes, 'Vec<u8>'], ['api_url', Bytes, 'Vec<u8>'], ['operator', AccountId32, 'T::AccountId']],
  weight: 300_000_000n,
  docs: [' Registers the caller as a provider, reserving `ProviderDeposit`. `operator` is the key its gateway signs with.'],
  handler: (env, origin, a) => {
    const who = ensureSigned(origin);
    if (S.Providers.contains(env.state, who)) throw providersError('AlreadyRegistered');
    const len = byteLen(a.name);
    if (len < 1 || len > MAX_NAME_LEN) throw providersError('BadName');
    const urlLen = byteLen(a.api_url);
    if (urlLen < 1 || urlLen > MAX_URL_LEN) throw providersError('UrlTooLong');
    if (S.ProviderByName.contains(env.state, a.name)) throw providersError('NameTaken');
    reserve(env, who, PROVIDER_DEPOSIT);
    S.Providers.set(env.state, who, {
      name: a.name,
      api_url: a.api_url,
      operator: a.operator,
      deposit: PROVIDER_DEPOSIT,
      status: { type: 'Active' },
      live_subscriptions: 0,
      registered_at: env.blockNumber,
    });
    S.ProviderByName.set(env.state, a.name, who);
    emitProviders(env, 'ProviderRegistered', { provider: who, name: a.name, operator: a.operator, deposit: PROVIDER_DEPOSIT });
  },
};

export const setOperator: CallDef<{ operator: string }> = {
  index: 3,
  args: [['operator', AccountId32, 'T::AccountId']],
  weight: 100_000_000n,
  docs: [' Sets the operator key of the calling provider.'],
  handler: (env, origin, a) => {
    const who = ensureSigned(origin);
    const p = mustProvider(env, who);
    p.operator = a.operator;
    S.Providers.set(env.state, who, p);
    emitProviders(env, 'OperatorSet', { provider: who, operator: a.operator });
  },
};

export const pause: CallDef = {
  index: 4,
  args: [],
  weight: 100_000_000n,
  docs: [' Pauses the calling provider: it receives no new awards (existing subscriptions continue).'],
  handler: (env, origin) => {
    const who = ensureSigned(origin);
    const p = mustProvider(env, who);
    if (p.status.type === 'Paused') throw providersError('AlreadyPaused');
    p.status = { type: 'Paused' };
    S.Providers.set(env.state, who, p);
    emitProviders(env, 'ProviderPaused', { provider: who });
  },
};

export const resume: CallDef = {
  index: 5,
  args: [],
  weight: 100_000_000n,
  docs: [' Resumes a paused provider.'],
  handler: (env, origin) => {
    const who = ensureSigned(origin);
    const p = mustProvider(env, who);
    if (p.status.type !== 'Paused') throw providersError('NotPaused');
    p.status = { type: 'Active' };
    S.Providers.set(env.state, who, p);
    emitProviders(env, 'ProviderResumed', { provider: who });
  },
};

export const deregister: CallDef = {
  index: 6,
  args: [],
  weight: 500_000_000n,
  docs: [' Deregisters the calling provider: removes its offerings and releases its deposit. Refused while it holds live subscriptions.'],
  handler: (env, origin) => {
    const who = ensureSigned(origin);
    const p = mustProvider(env, who);
    if (p.live_subscriptions > 0) throw providersError('HasLiveSubscriptions');
    for (const [[, typeId]] of S.Offerings.entries(env.state, who)) {
      S.Offerings.remove(env.state, who, typeId);
      const list = S.OfferingsByType.get(env.state, typeId) ?? [];
      putOfferingsOfType(env, typeId, list.filter((x) => x !== who));
    }
    S.ProviderByName.remove(env.state, p.name);
    S.Providers.remove(env.state, who);
    unreserve(env, who, p.deposit);
    emitProviders(env, 'ProviderDeregistered', { provider: who, deposit: p.deposit });
  },
};
