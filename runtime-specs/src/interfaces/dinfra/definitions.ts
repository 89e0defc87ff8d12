// Hand-written: the `DinfraApi` runtime API (runtime-specs/dinfra.md, "Runtime API DinfraApi"),
// so that `api.call.dinfraApi.*` is typed. The chain's own types come from the metadata lookup.
export default {
  types: {
    DinfraBillingInfo: { owed: 'Balance', remaining: 'Balance', settledTo: 'Option<u32>', expiresAt: 'Option<u32>' },
    DinfraQuote: { provider: 'AccountId', pricePerBlock: 'Balance' },
  },
  runtime: {
    DinfraApi: [
      {
        version: 1,
        methods: {
          subscriptions_of_provider: {
            description: 'Live subscription ids of a provider, ascending, after `start_after`, at most min(limit, 1000).',
            params: [{ name: 'provider', type: 'AccountId' }, { name: 'startAfter', type: 'Option<u64>' }, { name: 'limit', type: 'u32' }],
            type: 'Vec<u64>',
          },
          subscriptions_of_subscriber: {
            description: 'Live subscription ids of a subscriber, ascending, after `start_after`, at most min(limit, 1000).',
            params: [{ name: 'subscriber', type: 'AccountId' }, { name: 'startAfter', type: 'Option<u64>' }, { name: 'limit', type: 'u32' }],
            type: 'Vec<u64>',
          },
          subscription: {
            description: 'A subscription record.',
            params: [{ name: 'id', type: 'u64' }],
            type: 'Option<PalletDinfraSubscriptionsSubscription>',
          },
          billing: {
            description: 'What a subscription owes and has left as of the block queried.',
            params: [{ name: 'id', type: 'u64' }],
            type: 'Option<DinfraBillingInfo>',
          },
          offerings_of_type: {
            description: 'Every offering of a deployment type, in index order.',
            params: [{ name: 'typeId', type: 'u32' }],
            type: 'Vec<(AccountId, PalletDinfraProvidersOffering)>',
          },
          quote: {
            description: 'The offering `subscribe` would award now, or the error it would fail with.',
            params: [{ name: 'target', type: 'PalletDinfraSubscriptionsTarget' }, { name: 'maxPricePerBlock', type: 'Balance' }],
            type: 'Result<DinfraQuote, DispatchError>',
          },
        },
      },
    ],
  },
};
