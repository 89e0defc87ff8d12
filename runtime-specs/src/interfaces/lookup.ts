// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

/* eslint-disable sort-keys */

export default {
  /**
   * Lookup1: frame_system::pallet::Call<T>
   **/
  FrameSystemCall: {
    _enum: {
      remark: {
        remark: 'Bytes',
      },
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      __Unused4: 'Null',
      __Unused5: 'Null',
      __Unused6: 'Null',
      remark_with_event: {
        remark: 'Bytes'
      }
    }
  },
  /**
   * Lookup4: pallet_timestamp::pallet::Call<T>
   **/
  PalletTimestampCall: {
    _enum: {
      set: {
        now: 'Compact<u64>'
      }
    }
  },
  /**
   * Lookup7: pallet_balances::pallet::Call<T>
   **/
  PalletBalancesCall: {
    _enum: {
      transfer_allow_death: {
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      __Unused1: 'Null',
      force_transfer: {
        source: 'MultiAddress',
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      transfer_keep_alive: {
        dest: 'MultiAddress',
        value: 'Compact<u128>',
      },
      transfer_all: {
        dest: 'MultiAddress',
        keepAlive: 'bool',
      },
      __Unused5: 'Null',
      __Unused6: 'Null',
      __Unused7: 'Null',
      force_set_balance: {
        who: 'MultiAddress',
        newFree: 'Compact<u128>'
      }
    }
  },
  /**
   * Lookup17: pallet_sudo::pallet::Call<T>
   **/
  PalletSudoCall: {
    _enum: {
      sudo: {
        call: 'Call',
      },
      sudo_unchecked_weight: {
        call: 'Call',
        weight: 'SpWeightsWeightV2Weight',
      },
      set_key: {
        _alias: {
          new_: 'new',
        },
        new_: 'MultiAddress',
      },
      sudo_as: {
        who: 'MultiAddress',
        call: 'Call',
      },
      remove_key: 'Null'
    }
  },
  /**
   * Lookup18: sp_weights::weight_v2::Weight
   **/
  SpWeightsWeightV2Weight: {
    refTime: 'Compact<u64>',
    proofSize: 'Compact<u64>'
  },
  /**
   * Lookup19: pallet_utility::pallet::Call<T>
   **/
  PalletUtilityCall: {
    _enum: {
      batch: {
        calls: 'Vec<Call>',
      },
      __Unused1: 'Null',
      batch_all: {
        calls: 'Vec<Call>',
      },
      __Unused3: 'Null',
      force_batch: {
        calls: 'Vec<Call>'
      }
    }
  },
  /**
   * Lookup21: pallet_dinfra_providers::pallet::Call<T>
   **/
  PalletDinfraProvidersCall: {
    _enum: {
      register: {
        name: 'Bytes',
        apiUrl: 'Bytes',
        operator: 'AccountId32',
      },
      set_offering: {
        typeId: 'u32',
        capacity: 'u32',
        pricePerBlock: 'u128',
        regions: 'Vec<Bytes>',
        open: 'bool',
      },
      close_offering: {
        typeId: 'u32',
      },
      set_operator: {
        operator: 'AccountId32',
      },
      pause: 'Null',
      resume: 'Null',
      deregister: 'Null',
      register_type: {
        name: 'Bytes',
        schemaCid: 'Bytes'
      }
    }
  },
  /**
   * Lookup24: pallet_dinfra_subscriptions::pallet::Call<T>
   **/
  PalletDinfraSubscriptionsCall: {
    _enum: {
      subscribe: {
        target: 'PalletDinfraSubscriptionsTarget',
        descriptorCid: 'Bytes',
        deposit: 'u128',
        maxPricePerBlock: 'u128',
      },
      report_status: {
        id: 'u64',
        report: 'PalletDinfraSubscriptionsStatusReport',
      },
      top_up: {
        id: 'u64',
        amount: 'u128',
      },
      terminate: {
        id: 'u64',
      },
      settle: {
        id: 'u64'
      }
    }
  },
  /**
   * Lookup25: pallet_dinfra_subscriptions::types::Target
   **/
  PalletDinfraSubscriptionsTarget: {
    _enum: {
      Provider: {
        provider: 'AccountId32',
        typeId: 'u32',
      },
      Selector: {
        typeId: 'u32',
        providers: 'Option<Vec<AccountId32>>',
        region: 'Option<Bytes>'
      }
    }
  },
  /**
   * Lookup31: pallet_dinfra_subscriptions::types::StatusReport
   **/
  PalletDinfraSubscriptionsStatusReport: {
    _enum: {
      Provisioning: 'Null',
      Running: {
        endpoints: 'Vec<Bytes>',
      },
      Degraded: 'Null',
      Failed: {
        reason: 'Bytes'
      }
    }
  },
  /**
   * Lookup33: frame_system::pallet::Event<T>
   **/
  FrameSystemEvent: {
    _enum: {
      ExtrinsicSuccess: {
        dispatchInfo: 'FrameSupportDispatchDispatchInfo',
      },
      ExtrinsicFailed: {
        dispatchError: 'SpRuntimeDispatchError',
        dispatchInfo: 'FrameSupportDispatchDispatchInfo',
      },
      CodeUpdated: 'Null',
      NewAccount: {
        account: 'AccountId32',
      },
      KilledAccount: {
        account: 'AccountId32',
      },
      Remarked: {
        _alias: {
          hash_: 'hash',
        },
        sender: 'AccountId32',
        hash_: 'H256'
      }
    }
  },
  /**
   * Lookup34: frame_support::dispatch::DispatchInfo
   **/
  FrameSupportDispatchDispatchInfo: {
    weight: 'SpWeightsWeightV2Weight',
    class: 'FrameSupportDispatchDispatchClass',
    paysFee: 'FrameSupportDispatchPays'
  },
  /**
   * Lookup35: frame_support::dispatch::DispatchClass
   **/
  FrameSupportDispatchDispatchClass: {
    _enum: ['Normal', 'Operational', 'Mandatory']
  },
  /**
   * Lookup36: frame_support::dispatch::Pays
   **/
  FrameSupportDispatchPays: {
    _enum: ['Yes', 'No']
  },
  /**
   * Lookup37: sp_runtime::DispatchError
   **/
  SpRuntimeDispatchError: {
    _enum: {
      Other: 'Null',
      CannotLookup: 'Null',
      BadOrigin: 'Null',
      Module: 'SpRuntimeModuleError',
      ConsumerRemaining: 'Null',
      NoProviders: 'Null',
      TooManyConsumers: 'Null',
      Token: 'SpRuntimeTokenError',
      Arithmetic: 'SpArithmeticArithmeticError',
      Transactional: 'SpRuntimeTransactionalError',
      Exhausted: 'Null',
      Corruption: 'Null',
      Unavailable: 'Null',
      RootNotAllowed: 'Null'
    }
  },
  /**
   * Lookup38: sp_runtime::ModuleError
   **/
  SpRuntimeModuleError: {
    index: 'u8',
    error: '[u8;4]'
  },
  /**
   * Lookup40: sp_runtime::TokenError
   **/
  SpRuntimeTokenError: {
    _enum: ['FundsUnavailable', 'OnlyProvider', 'BelowMinimum', 'CannotCreate', 'UnknownAsset', 'Frozen', 'Unsupported', 'CannotCreateHold', 'NotExpendable', 'Blocked']
  },
  /**
   * Lookup41: sp_arithmetic::ArithmeticError
   **/
  SpArithmeticArithmeticError: {
    _enum: ['Underflow', 'Overflow', 'DivisionByZero']
  },
  /**
   * Lookup42: sp_runtime::TransactionalError
   **/
  SpRuntimeTransactionalError: {
    _enum: ['LimitReached', 'NoLayer']
  },
  /**
   * Lookup44: pallet_balances::pallet::Event<T>
   **/
  PalletBalancesEvent: {
    _enum: {
      Endowed: {
        account: 'AccountId32',
        freeBalance: 'u128',
      },
      DustLost: {
        account: 'AccountId32',
        amount: 'u128',
      },
      Transfer: {
        from: 'AccountId32',
        to: 'AccountId32',
        amount: 'u128',
      },
      BalanceSet: {
        who: 'AccountId32',
        free: 'u128',
      },
      Reserved: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Unreserved: {
        who: 'AccountId32',
        amount: 'u128',
      },
      ReserveRepatriated: {
        from: 'AccountId32',
        to: 'AccountId32',
        amount: 'u128',
        destinationStatus: 'FrameSupportTokensMiscBalanceStatus',
      },
      Deposit: {
        who: 'AccountId32',
        amount: 'u128',
      },
      Withdraw: {
        who: 'AccountId32',
        amount: 'u128'
      }
    }
  },
  /**
   * Lookup45: frame_support::traits::tokens::misc::BalanceStatus
   **/
  FrameSupportTokensMiscBalanceStatus: {
    _enum: ['Free', 'Reserved']
  },
  /**
   * Lookup46: pallet_transaction_payment::pallet::Event<T>
   **/
  PalletTransactionPaymentEvent: {
    _enum: {
      TransactionFeePaid: {
        who: 'AccountId32',
        actualFee: 'u128',
        tip: 'u128'
      }
    }
  },
  /**
   * Lookup47: pallet_sudo::pallet::Event<T>
   **/
  PalletSudoEvent: {
    _enum: {
      Sudid: {
        sudoResult: 'Result<Null, SpRuntimeDispatchError>',
      },
      KeyChanged: {
        _alias: {
          new_: 'new',
        },
        old: 'Option<AccountId32>',
        new_: 'AccountId32',
      },
      KeyRemoved: 'Null',
      SudoAsDone: {
        sudoResult: 'Result<Null, SpRuntimeDispatchError>'
      }
    }
  },
  /**
   * Lookup50: pallet_utility::pallet::Event<T>
   **/
  PalletUtilityEvent: {
    _enum: {
      BatchInterrupted: {
        index: 'u32',
        error: 'SpRuntimeDispatchError',
      },
      BatchCompleted: 'Null',
      BatchCompletedWithErrors: 'Null',
      ItemCompleted: 'Null',
      ItemFailed: {
        error: 'SpRuntimeDispatchError'
      }
    }
  },
  /**
   * Lookup51: pallet_dinfra_providers::pallet::Event<T>
   **/
  PalletDinfraProvidersEvent: {
    _enum: {
      ProviderRegistered: {
        provider: 'AccountId32',
        name: 'Bytes',
        operator: 'AccountId32',
        deposit: 'u128',
      },
      OperatorSet: {
        provider: 'AccountId32',
        operator: 'AccountId32',
      },
      OfferingSet: {
        provider: 'AccountId32',
        typeId: 'u32',
        capacity: 'u32',
        pricePerBlock: 'u128',
        open: 'bool',
      },
      OfferingClosed: {
        provider: 'AccountId32',
        typeId: 'u32',
        removed: 'bool',
      },
      ProviderPaused: {
        provider: 'AccountId32',
      },
      ProviderResumed: {
        provider: 'AccountId32',
      },
      ProviderDeregistered: {
        provider: 'AccountId32',
        deposit: 'u128',
      },
      DeploymentTypeRegistered: {
        typeId: 'u32',
        name: 'Bytes',
        schemaCid: 'Bytes',
        owner: 'Option<AccountId32>',
        deposit: 'u128'
      }
    }
  },
  /**
   * Lookup52: pallet_dinfra_subscriptions::pallet::Event<T>
   **/
  PalletDinfraSubscriptionsEvent: {
    _enum: {
      Subscribed: {
        id: 'u64',
        subscriber: 'AccountId32',
        typeId: 'u32',
        deposit: 'u128',
      },
      Awarded: {
        id: 'u64',
        provider: 'AccountId32',
        pricePerBlock: 'u128',
        ackDeadline: 'u32',
      },
      AwardLost: {
        id: 'u64',
        provider: 'AccountId32',
        cause: 'PalletDinfraSubscriptionsLossCause',
      },
      StatusChanged: {
        id: 'u64',
        provider: 'AccountId32',
        status: 'PalletDinfraSubscriptionsSubscriptionStatus',
      },
      BillingStarted: {
        id: 'u64',
        from: 'u32',
        expiresAt: 'Option<u32>',
      },
      Settled: {
        id: 'u64',
        provider: 'AccountId32',
        amount: 'u128',
        settledTo: 'u32',
      },
      ToppedUp: {
        id: 'u64',
        amount: 'u128',
        deposit: 'u128',
        expiresAt: 'Option<u32>',
      },
      FundsLow: {
        id: 'u64',
        remaining: 'u128',
        expiresAt: 'u32',
      },
      Terminated: {
        id: 'u64',
        provider: 'AccountId32',
        reason: 'PalletDinfraSubscriptionsTerminationReason',
        refund: 'u128',
      },
      Purged: {
        id: 'u64'
      }
    }
  },
  /**
   * Lookup53: pallet_dinfra_subscriptions::types::LossCause
   **/
  PalletDinfraSubscriptionsLossCause: {
    _enum: {
      AckTimeout: 'Null',
      Failed: {
        reason: 'Bytes'
      }
    }
  },
  /**
   * Lookup54: pallet_dinfra_subscriptions::types::SubscriptionStatus
   **/
  PalletDinfraSubscriptionsSubscriptionStatus: {
    _enum: {
      Awarded: 'Null',
      Provisioning: 'Null',
      Running: {
        endpoints: 'Vec<Bytes>',
      },
      Degraded: {
        endpoints: 'Vec<Bytes>',
      },
      Terminated: {
        reason: 'PalletDinfraSubscriptionsTerminationReason'
      }
    }
  },
  /**
   * Lookup57: pallet_dinfra_subscriptions::types::TerminationReason
   **/
  PalletDinfraSubscriptionsTerminationReason: {
    _enum: ['BySubscriber', 'ByProvider', 'OutOfFunds', 'ProviderTimeout', 'ProviderFailed', 'NoProvider']
  },
  /**
   * Lookup59: dinfra_runtime::RuntimeError
   **/
  DinfraRuntimeRuntimeError: {
    _enum: {
      System: 'FrameSystemError',
      __Unused1: 'Null',
      __Unused2: 'Null',
      __Unused3: 'Null',
      __Unused4: 'Null',
      Balances: 'PalletBalancesError',
      __Unused6: 'Null',
      Sudo: 'PalletSudoError',
      Utility: 'PalletUtilityError',
      __Unused9: 'Null',
      __Unused10: 'Null',
      __Unused11: 'Null',
      __Unused12: 'Null',
      __Unused13: 'Null',
      __Unused14: 'Null',
      __Unused15: 'Null',
      __Unused16: 'Null',
      __Unused17: 'Null',
      __Unused18: 'Null',
      __Unused19: 'Null',
      Providers: 'PalletDinfraProvidersError',
      Subscriptions: 'PalletDinfraSubscriptionsError'
    }
  },
  /**
   * Lookup60: frame_system::pallet::Error<T>
   **/
  FrameSystemError: {
    _enum: ['InvalidSpecName', 'SpecVersionNeedsToIncrease', 'FailedToExtractRuntimeVersion', 'NonDefaultComposite', 'NonZeroRefCount', 'CallFiltered']
  },
  /**
   * Lookup61: pallet_balances::pallet::Error<T>
   **/
  PalletBalancesError: {
    _enum: ['VestingBalance', 'LiquidityRestrictions', 'InsufficientBalance', 'ExistentialDeposit', 'Expendability', 'ExistingVestingSchedule', 'DeadAccount', 'TooManyReserves', 'TooManyHolds', 'TooManyFreezes', 'IssuanceDeactivated', 'DeltaZero']
  },
  /**
   * Lookup62: pallet_sudo::pallet::Error<T>
   **/
  PalletSudoError: {
    _enum: ['RequireSudo']
  },
  /**
   * Lookup63: pallet_utility::pallet::Error<T>
   **/
  PalletUtilityError: {
    _enum: ['TooManyCalls']
  },
  /**
   * Lookup64: pallet_dinfra_providers::pallet::Error<T>
   **/
  PalletDinfraProvidersError: {
    _enum: ['AlreadyRegistered', 'NotProvider', 'NameTaken', 'BadName', 'UrlTooLong', 'TooManyRegions', 'BadRegion', 'ZeroCapacity', 'UnknownDeploymentType', 'NoSuchOffering', 'TooManyOfferings', 'AlreadyPaused', 'NotPaused', 'HasLiveSubscriptions', 'InvalidCid', 'NotAllowed']
  },
  /**
   * Lookup65: pallet_dinfra_subscriptions::pallet::Error<T>
   **/
  PalletDinfraSubscriptionsError: {
    _enum: ['InvalidCid', 'DepositBelowMinimum', 'UnknownDeploymentType', 'UnknownProvider', 'TooManyAllowedProviders', 'BadRegion', 'NoOfferingOfType', 'NoOfferingInRegion', 'AllOfferingsTooExpensive', 'AllOfferingsFull', 'UnknownSubscription', 'AlreadyTerminated', 'NotSubscriber', 'NotAssignedProvider', 'NotAllowed', 'IllegalTransition', 'TooManyEndpoints', 'BadEndpoint', 'ZeroAmount', 'NotBilling', 'BadReason']
  },
  /**
   * Lookup66: frame_system::EventRecord<dinfra_runtime::RuntimeEvent, primitive_types::H256>
   **/
  FrameSystemEventRecord: {
    phase: 'FrameSystemPhase',
    event: 'Event',
    topics: 'Vec<H256>'
  },
  /**
   * Lookup67: frame_system::Phase
   **/
  FrameSystemPhase: {
    _enum: {
      ApplyExtrinsic: 'u32',
      Finalization: 'Null',
      Initialization: 'Null'
    }
  },
  /**
   * Lookup70: sp_runtime::MultiSignature
   **/
  SpRuntimeMultiSignature: {
    _enum: {
      Ed25519: '[u8;64]',
      Sr25519: '[u8;64]',
      Ecdsa: '[u8;65]'
    }
  },
  /**
   * Lookup73: frame_system::extensions::check_non_zero_sender::CheckNonZeroSender<T>
   **/
  FrameSystemExtensionsCheckNonZeroSender: 'Null',
  /**
   * Lookup74: frame_system::extensions::check_spec_version::CheckSpecVersion<T>
   **/
  FrameSystemExtensionsCheckSpecVersion: 'Null',
  /**
   * Lookup75: frame_system::extensions::check_tx_version::CheckTxVersion<T>
   **/
  FrameSystemExtensionsCheckTxVersion: 'Null',
  /**
   * Lookup76: frame_system::extensions::check_genesis::CheckGenesis<T>
   **/
  FrameSystemExtensionsCheckGenesis: 'Null',
  /**
   * Lookup79: frame_system::extensions::check_nonce::CheckNonce<T>
   **/
  FrameSystemExtensionsCheckNonce: 'Compact<u32>',
  /**
   * Lookup81: frame_system::extensions::check_weight::CheckWeight<T>
   **/
  FrameSystemExtensionsCheckWeight: 'Null',
  /**
   * Lookup82: pallet_transaction_payment::ChargeTransactionPayment<T>
   **/
  PalletTransactionPaymentChargeTransactionPayment: 'Compact<u128>',
  /**
   * Lookup83: frame_metadata_hash_extension::CheckMetadataHash<T>
   **/
  FrameMetadataHashExtensionCheckMetadataHash: {
    mode: 'FrameMetadataHashExtensionMode'
  },
  /**
   * Lookup84: frame_metadata_hash_extension::Mode
   **/
  FrameMetadataHashExtensionMode: {
    _enum: ['Disabled', 'Enabled']
  },
  /**
   * Lookup86: frame_system::AccountInfo<Nonce, pallet_balances::types::AccountData<Balance>>
   **/
  FrameSystemAccountInfo: {
    nonce: 'u32',
    consumers: 'u32',
    providers: 'u32',
    sufficients: 'u32',
    data: 'PalletBalancesAccountData'
  },
  /**
   * Lookup87: pallet_balances::types::AccountData<Balance>
   **/
  PalletBalancesAccountData: {
    free: 'u128',
    reserved: 'u128',
    frozen: 'u128',
    flags: 'u128'
  },
  /**
   * Lookup90: frame_system::limits::BlockWeights
   **/
  FrameSystemLimitsBlockWeights: {
    baseBlock: 'SpWeightsWeightV2Weight',
    maxBlock: 'SpWeightsWeightV2Weight',
    perClass: 'FrameSupportDispatchPerDispatchClassWeightsPerClass'
  },
  /**
   * Lookup91: frame_support::dispatch::PerDispatchClass<frame_system::limits::WeightsPerClass>
   **/
  FrameSupportDispatchPerDispatchClassWeightsPerClass: {
    normal: 'FrameSystemLimitsWeightsPerClass',
    operational: 'FrameSystemLimitsWeightsPerClass',
    mandatory: 'FrameSystemLimitsWeightsPerClass'
  },
  /**
   * Lookup92: frame_system::limits::WeightsPerClass
   **/
  FrameSystemLimitsWeightsPerClass: {
    baseExtrinsic: 'SpWeightsWeightV2Weight',
    maxExtrinsic: 'Option<SpWeightsWeightV2Weight>',
    maxTotal: 'Option<SpWeightsWeightV2Weight>',
    reserved: 'Option<SpWeightsWeightV2Weight>'
  },
  /**
   * Lookup94: frame_system::limits::BlockLength
   **/
  FrameSystemLimitsBlockLength: {
    max: 'FrameSupportDispatchPerDispatchClassU32'
  },
  /**
   * Lookup95: frame_support::dispatch::PerDispatchClass<T>
   **/
  FrameSupportDispatchPerDispatchClassU32: {
    normal: 'u32',
    operational: 'u32',
    mandatory: 'u32'
  },
  /**
   * Lookup96: sp_weights::RuntimeDbWeight
   **/
  SpWeightsRuntimeDbWeight: {
    read: 'u64',
    write: 'u64'
  },
  /**
   * Lookup97: sp_version::RuntimeVersion
   **/
  SpVersionRuntimeVersion: {
    specName: 'Text',
    implName: 'Text',
    authoringVersion: 'u32',
    specVersion: 'u32',
    implVersion: 'u32',
    apis: 'Vec<([u8;8],u32)>',
    transactionVersion: 'u32',
    stateVersion: 'u8'
  },
  /**
   * Lookup104: pallet_dinfra_providers::types::ProviderInfo
   **/
  PalletDinfraProvidersProviderInfo: {
    name: 'Bytes',
    apiUrl: 'Bytes',
    operator: 'AccountId32',
    deposit: 'u128',
    status: 'PalletDinfraProvidersProviderStatus',
    liveSubscriptions: 'u32',
    registeredAt: 'u32'
  },
  /**
   * Lookup105: pallet_dinfra_providers::types::ProviderStatus
   **/
  PalletDinfraProvidersProviderStatus: {
    _enum: ['Active', 'Paused']
  },
  /**
   * Lookup107: pallet_dinfra_providers::types::Offering
   **/
  PalletDinfraProvidersOffering: {
    capacity: 'u32',
    used: 'u32',
    pricePerBlock: 'u128',
    regions: 'Vec<Bytes>',
    open: 'bool'
  },
  /**
   * Lookup110: pallet_dinfra_providers::types::DeploymentType
   **/
  PalletDinfraProvidersDeploymentType: {
    name: 'Bytes',
    schemaCid: 'Bytes',
    owner: 'Option<AccountId32>',
    deposit: 'u128',
    registeredAt: 'u32'
  },
  /**
   * Lookup111: pallet_dinfra_subscriptions::types::Subscription
   **/
  PalletDinfraSubscriptionsSubscription: {
    subscriber: 'AccountId32',
    target: 'PalletDinfraSubscriptionsTarget',
    descriptorCid: 'Bytes',
    maxPricePerBlock: 'u128',
    provider: 'AccountId32',
    pricePerBlock: 'u128',
    deposit: 'u128',
    status: 'PalletDinfraSubscriptionsSubscriptionStatus',
    createdAt: 'u32',
    awardedAt: 'u32',
    ackDeadline: 'Option<u32>',
    settledTo: 'Option<u32>',
    expiresAt: 'Option<u32>',
    fundsLowAt: 'Option<u32>',
    excluded: 'Vec<AccountId32>',
    terminatedAt: 'Option<u32>',
    lastLoss: 'Option<PalletDinfraSubscriptionsAwardLoss>'
  },
  /**
   * Lookup113: pallet_dinfra_subscriptions::types::AwardLoss
   **/
  PalletDinfraSubscriptionsAwardLoss: {
    provider: 'AccountId32',
    at: 'u32',
    cause: 'PalletDinfraSubscriptionsLossCause'
  },
  /**
   * Lookup117: pallet_dinfra_subscriptions::types::AgendaKind
   **/
  PalletDinfraSubscriptionsAgendaKind: {
    _enum: ['AckTimeout', 'FundsLow', 'Expire', 'Purge']
  },
  /**
   * Lookup119: dinfra_runtime::Runtime
   **/
  DinfraRuntimeRuntime: 'Null'
};
