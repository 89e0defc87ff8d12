// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/types/lookup';

import type { Bytes, Compact, Enum, Null, Option, Result, Struct, Text, U8aFixed, Vec, bool, u128, u32, u64, u8 } from '@polkadot/types-codec';
import type { ITuple } from '@polkadot/types-codec/types';
import type { AccountId32, Call, H256, MultiAddress } from '@polkadot/types/interfaces/runtime';
import type { Event } from '@polkadot/types/interfaces/system';

declare module '@polkadot/types/lookup' {
  /** @name FrameSystemCall (1) */
  interface FrameSystemCall extends Enum {
    readonly isRemark: boolean;
    readonly asRemark: {
      readonly remark: Bytes;
    } & Struct;
    readonly isRemarkWithEvent: boolean;
    readonly asRemarkWithEvent: {
      readonly remark: Bytes;
    } & Struct;
    readonly type: 'Remark' | 'RemarkWithEvent';
  }

  /** @name PalletTimestampCall (4) */
  interface PalletTimestampCall extends Enum {
    readonly isSet: boolean;
    readonly asSet: {
      readonly now: Compact<u64>;
    } & Struct;
    readonly type: 'Set';
  }

  /** @name PalletBalancesCall (7) */
  interface PalletBalancesCall extends Enum {
    readonly isTransferAllowDeath: boolean;
    readonly asTransferAllowDeath: {
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isForceTransfer: boolean;
    readonly asForceTransfer: {
      readonly source: MultiAddress;
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isTransferKeepAlive: boolean;
    readonly asTransferKeepAlive: {
      readonly dest: MultiAddress;
      readonly value: Compact<u128>;
    } & Struct;
    readonly isTransferAll: boolean;
    readonly asTransferAll: {
      readonly dest: MultiAddress;
      readonly keepAlive: bool;
    } & Struct;
    readonly isForceSetBalance: boolean;
    readonly asForceSetBalance: {
      readonly who: MultiAddress;
      readonly newFree: Compact<u128>;
    } & Struct;
    readonly type: 'TransferAllowDeath' | 'ForceTransfer' | 'TransferKeepAlive' | 'TransferAll' | 'ForceSetBalance';
  }

  /** @name PalletSudoCall (17) */
  interface PalletSudoCall extends Enum {
    readonly isSudo: boolean;
    readonly asSudo: {
      readonly call: Call;
    } & Struct;
    readonly isSudoUncheckedWeight: boolean;
    readonly asSudoUncheckedWeight: {
      readonly call: Call;
      readonly weight: SpWeightsWeightV2Weight;
    } & Struct;
    readonly isSetKey: boolean;
    readonly asSetKey: {
      readonly new_: MultiAddress;
    } & Struct;
    readonly isSudoAs: boolean;
    readonly asSudoAs: {
      readonly who: MultiAddress;
      readonly call: Call;
    } & Struct;
    readonly isRemoveKey: boolean;
    readonly type: 'Sudo' | 'SudoUncheckedWeight' | 'SetKey' | 'SudoAs' | 'RemoveKey';
  }

  /** @name SpWeightsWeightV2Weight (18) */
  interface SpWeightsWeightV2Weight extends Struct {
    readonly refTime: Compact<u64>;
    readonly proofSize: Compact<u64>;
  }

  /** @name PalletUtilityCall (19) */
  interface PalletUtilityCall extends Enum {
    readonly isBatch: boolean;
    readonly asBatch: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly isBatchAll: boolean;
    readonly asBatchAll: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly isForceBatch: boolean;
    readonly asForceBatch: {
      readonly calls: Vec<Call>;
    } & Struct;
    readonly type: 'Batch' | 'BatchAll' | 'ForceBatch';
  }

  /** @name PalletDinfraProvidersCall (21) */
  interface PalletDinfraProvidersCall extends Enum {
    readonly isRegister: boolean;
    readonly asRegister: {
      readonly name: Bytes;
      readonly apiUrl: Bytes;
      readonly operator: AccountId32;
    } & Struct;
    readonly isSetOffering: boolean;
    readonly asSetOffering: {
      readonly typeId: u32;
      readonly capacity: u32;
      readonly pricePerBlock: u128;
      readonly regions: Vec<Bytes>;
      readonly open: bool;
    } & Struct;
    readonly isCloseOffering: boolean;
    readonly asCloseOffering: {
      readonly typeId: u32;
    } & Struct;
    readonly isSetOperator: boolean;
    readonly asSetOperator: {
      readonly operator: AccountId32;
    } & Struct;
    readonly isPause: boolean;
    readonly isResume: boolean;
    readonly isDeregister: boolean;
    readonly isRegisterType: boolean;
    readonly asRegisterType: {
      readonly name: Bytes;
      readonly schemaCid: Bytes;
    } & Struct;
    readonly type: 'Register' | 'SetOffering' | 'CloseOffering' | 'SetOperator' | 'Pause' | 'Resume' | 'Deregister' | 'RegisterType';
  }

  /** @name PalletDinfraSubscriptionsCall (24) */
  interface PalletDinfraSubscriptionsCall extends Enum {
    readonly isSubscribe: boolean;
    readonly asSubscribe: {
      readonly target: PalletDinfraSubscriptionsTarget;
      readonly descriptorCid: Bytes;
      readonly deposit: u128;
      readonly maxPricePerBlock: u128;
    } & Struct;
    readonly isReportStatus: boolean;
    readonly asReportStatus: {
      readonly id: u64;
      readonly report: PalletDinfraSubscriptionsStatusReport;
    } & Struct;
    readonly isTopUp: boolean;
    readonly asTopUp: {
      readonly id: u64;
      readonly amount: u128;
    } & Struct;
    readonly isTerminate: boolean;
    readonly asTerminate: {
      readonly id: u64;
    } & Struct;
    readonly isSettle: boolean;
    readonly asSettle: {
      readonly id: u64;
    } & Struct;
    readonly type: 'Subscribe' | 'ReportStatus' | 'TopUp' | 'Terminate' | 'Settle';
  }

  /** @name PalletDinfraSubscriptionsTarget (25) */
  interface PalletDinfraSubscriptionsTarget extends Enum {
    readonly isProvider: boolean;
    readonly asProvider: {
      readonly provider: AccountId32;
      readonly typeId: u32;
    } & Struct;
    readonly isSelector: boolean;
    readonly asSelector: {
      readonly typeId: u32;
      readonly providers: Option<Vec<AccountId32>>;
      readonly region: Option<Bytes>;
    } & Struct;
    readonly type: 'Provider' | 'Selector';
  }

  /** @name PalletDinfraSubscriptionsStatusReport (31) */
  interface PalletDinfraSubscriptionsStatusReport extends Enum {
    readonly isProvisioning: boolean;
    readonly isRunning: boolean;
    readonly asRunning: {
      readonly endpoints: Vec<Bytes>;
    } & Struct;
    readonly isDegraded: boolean;
    readonly isFailed: boolean;
    readonly asFailed: {
      readonly reason: Bytes;
    } & Struct;
    readonly type: 'Provisioning' | 'Running' | 'Degraded' | 'Failed';
  }

  /** @name FrameSystemEvent (33) */
  interface FrameSystemEvent extends Enum {
    readonly isExtrinsicSuccess: boolean;
    readonly asExtrinsicSuccess: {
      readonly dispatchInfo: FrameSupportDispatchDispatchInfo;
    } & Struct;
    readonly isExtrinsicFailed: boolean;
    readonly asExtrinsicFailed: {
      readonly dispatchError: SpRuntimeDispatchError;
      readonly dispatchInfo: FrameSupportDispatchDispatchInfo;
    } & Struct;
    readonly isCodeUpdated: boolean;
    readonly isNewAccount: boolean;
    readonly asNewAccount: {
      readonly account: AccountId32;
    } & Struct;
    readonly isKilledAccount: boolean;
    readonly asKilledAccount: {
      readonly account: AccountId32;
    } & Struct;
    readonly isRemarked: boolean;
    readonly asRemarked: {
      readonly sender: AccountId32;
      readonly hash_: H256;
    } & Struct;
    readonly type: 'ExtrinsicSuccess' | 'ExtrinsicFailed' | 'CodeUpdated' | 'NewAccount' | 'KilledAccount' | 'Remarked';
  }

  /** @name FrameSupportDispatchDispatchInfo (34) */
  interface FrameSupportDispatchDispatchInfo extends Struct {
    readonly weight: SpWeightsWeightV2Weight;
    readonly class: FrameSupportDispatchDispatchClass;
    readonly paysFee: FrameSupportDispatchPays;
  }

  /** @name FrameSupportDispatchDispatchClass (35) */
  interface FrameSupportDispatchDispatchClass extends Enum {
    readonly isNormal: boolean;
    readonly isOperational: boolean;
    readonly isMandatory: boolean;
    readonly type: 'Normal' | 'Operational' | 'Mandatory';
  }

  /** @name FrameSupportDispatchPays (36) */
  interface FrameSupportDispatchPays extends Enum {
    readonly isYes: boolean;
    readonly isNo: boolean;
    readonly type: 'Yes' | 'No';
  }

  /** @name SpRuntimeDispatchError (37) */
  interface SpRuntimeDispatchError extends Enum {
    readonly isOther: boolean;
    readonly isCannotLookup: boolean;
    readonly isBadOrigin: boolean;
    readonly isModule: boolean;
    readonly asModule: SpRuntimeModuleError;
    readonly isConsumerRemaining: boolean;
    readonly isNoProviders: boolean;
    readonly isTooManyConsumers: boolean;
    readonly isToken: boolean;
    readonly asToken: SpRuntimeTokenError;
    readonly isArithmetic: boolean;
    readonly asArithmetic: SpArithmeticArithmeticError;
    readonly isTransactional: boolean;
    readonly asTransactional: SpRuntimeTransactionalError;
    readonly isExhausted: boolean;
    readonly isCorruption: boolean;
    readonly isUnavailable: boolean;
    readonly isRootNotAllowed: boolean;
    readonly type: 'Other' | 'CannotLookup' | 'BadOrigin' | 'Module' | 'ConsumerRemaining' | 'NoProviders' | 'TooManyConsumers' | 'Token' | 'Arithmetic' | 'Transactional' | 'Exhausted' | 'Corruption' | 'Unavailable' | 'RootNotAllowed';
  }

  /** @name SpRuntimeModuleError (38) */
  interface SpRuntimeModuleError extends Struct {
    readonly index: u8;
    readonly error: U8aFixed;
  }

  /** @name SpRuntimeTokenError (40) */
  interface SpRuntimeTokenError extends Enum {
    readonly isFundsUnavailable: boolean;
    readonly isOnlyProvider: boolean;
    readonly isBelowMinimum: boolean;
    readonly isCannotCreate: boolean;
    readonly isUnknownAsset: boolean;
    readonly isFrozen: boolean;
    readonly isUnsupported: boolean;
    readonly isCannotCreateHold: boolean;
    readonly isNotExpendable: boolean;
    readonly isBlocked: boolean;
    readonly type: 'FundsUnavailable' | 'OnlyProvider' | 'BelowMinimum' | 'CannotCreate' | 'UnknownAsset' | 'Frozen' | 'Unsupported' | 'CannotCreateHold' | 'NotExpendable' | 'Blocked';
  }

  /** @name SpArithmeticArithmeticError (41) */
  interface SpArithmeticArithmeticError extends Enum {
    readonly isUnderflow: boolean;
    readonly isOverflow: boolean;
    readonly isDivisionByZero: boolean;
    readonly type: 'Underflow' | 'Overflow' | 'DivisionByZero';
  }

  /** @name SpRuntimeTransactionalError (42) */
  interface SpRuntimeTransactionalError extends Enum {
    readonly isLimitReached: boolean;
    readonly isNoLayer: boolean;
    readonly type: 'LimitReached' | 'NoLayer';
  }

  /** @name PalletBalancesEvent (44) */
  interface PalletBalancesEvent extends Enum {
    readonly isEndowed: boolean;
    readonly asEndowed: {
      readonly account: AccountId32;
      readonly freeBalance: u128;
    } & Struct;
    readonly isDustLost: boolean;
    readonly asDustLost: {
      readonly account: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isTransfer: boolean;
    readonly asTransfer: {
      readonly from: AccountId32;
      readonly to: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isBalanceSet: boolean;
    readonly asBalanceSet: {
      readonly who: AccountId32;
      readonly free: u128;
    } & Struct;
    readonly isReserved: boolean;
    readonly asReserved: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isUnreserved: boolean;
    readonly asUnreserved: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isReserveRepatriated: boolean;
    readonly asReserveRepatriated: {
      readonly from: AccountId32;
      readonly to: AccountId32;
      readonly amount: u128;
      readonly destinationStatus: FrameSupportTokensMiscBalanceStatus;
    } & Struct;
    readonly isDeposit: boolean;
    readonly asDeposit: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly isWithdraw: boolean;
    readonly asWithdraw: {
      readonly who: AccountId32;
      readonly amount: u128;
    } & Struct;
    readonly type: 'Endowed' | 'DustLost' | 'Transfer' | 'BalanceSet' | 'Reserved' | 'Unreserved' | 'ReserveRepatriated' | 'Deposit' | 'Withdraw';
  }

  /** @name FrameSupportTokensMiscBalanceStatus (45) */
  interface FrameSupportTokensMiscBalanceStatus extends Enum {
    readonly isFree: boolean;
    readonly isReserved: boolean;
    readonly type: 'Free' | 'Reserved';
  }

  /** @name PalletTransactionPaymentEvent (46) */
  interface PalletTransactionPaymentEvent extends Enum {
    readonly isTransactionFeePaid: boolean;
    readonly asTransactionFeePaid: {
      readonly who: AccountId32;
      readonly actualFee: u128;
      readonly tip: u128;
    } & Struct;
    readonly type: 'TransactionFeePaid';
  }

  /** @name PalletSudoEvent (47) */
  interface PalletSudoEvent extends Enum {
    readonly isSudid: boolean;
    readonly asSudid: {
      readonly sudoResult: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly isKeyChanged: boolean;
    readonly asKeyChanged: {
      readonly old: Option<AccountId32>;
      readonly new_: AccountId32;
    } & Struct;
    readonly isKeyRemoved: boolean;
    readonly isSudoAsDone: boolean;
    readonly asSudoAsDone: {
      readonly sudoResult: Result<Null, SpRuntimeDispatchError>;
    } & Struct;
    readonly type: 'Sudid' | 'KeyChanged' | 'KeyRemoved' | 'SudoAsDone';
  }

  /** @name PalletUtilityEvent (50) */
  interface PalletUtilityEvent extends Enum {
    readonly isBatchInterrupted: boolean;
    readonly asBatchInterrupted: {
      readonly index: u32;
      readonly error: SpRuntimeDispatchError;
    } & Struct;
    readonly isBatchCompleted: boolean;
    readonly isBatchCompletedWithErrors: boolean;
    readonly isItemCompleted: boolean;
    readonly isItemFailed: boolean;
    readonly asItemFailed: {
      readonly error: SpRuntimeDispatchError;
    } & Struct;
    readonly type: 'BatchInterrupted' | 'BatchCompleted' | 'BatchCompletedWithErrors' | 'ItemCompleted' | 'ItemFailed';
  }

  /** @name PalletDinfraProvidersEvent (51) */
  interface PalletDinfraProvidersEvent extends Enum {
    readonly isProviderRegistered: boolean;
    readonly asProviderRegistered: {
      readonly provider: AccountId32;
      readonly name: Bytes;
      readonly operator: AccountId32;
      readonly deposit: u128;
    } & Struct;
    readonly isOperatorSet: boolean;
    readonly asOperatorSet: {
      readonly provider: AccountId32;
      readonly operator: AccountId32;
    } & Struct;
    readonly isOfferingSet: boolean;
    readonly asOfferingSet: {
      readonly provider: AccountId32;
      readonly typeId: u32;
      readonly capacity: u32;
      readonly pricePerBlock: u128;
      readonly open: bool;
    } & Struct;
    readonly isOfferingClosed: boolean;
    readonly asOfferingClosed: {
      readonly provider: AccountId32;
      readonly typeId: u32;
      readonly removed: bool;
    } & Struct;
    readonly isProviderPaused: boolean;
    readonly asProviderPaused: {
      readonly provider: AccountId32;
    } & Struct;
    readonly isProviderResumed: boolean;
    readonly asProviderResumed: {
      readonly provider: AccountId32;
    } & Struct;
    readonly isProviderDeregistered: boolean;
    readonly asProviderDeregistered: {
      readonly provider: AccountId32;
      readonly deposit: u128;
    } & Struct;
    readonly isDeploymentTypeRegistered: boolean;
    readonly asDeploymentTypeRegistered: {
      readonly typeId: u32;
      readonly name: Bytes;
      readonly schemaCid: Bytes;
      readonly owner: Option<AccountId32>;
      readonly deposit: u128;
    } & Struct;
    readonly type: 'ProviderRegistered' | 'OperatorSet' | 'OfferingSet' | 'OfferingClosed' | 'ProviderPaused' | 'ProviderResumed' | 'ProviderDeregistered' | 'DeploymentTypeRegistered';
  }

  /** @name PalletDinfraSubscriptionsEvent (52) */
  interface PalletDinfraSubscriptionsEvent extends Enum {
    readonly isSubscribed: boolean;
    readonly asSubscribed: {
      readonly id: u64;
      readonly subscriber: AccountId32;
      readonly typeId: u32;
      readonly deposit: u128;
    } & Struct;
    readonly isAwarded: boolean;
    readonly asAwarded: {
      readonly id: u64;
      readonly provider: AccountId32;
      readonly pricePerBlock: u128;
      readonly ackDeadline: u32;
    } & Struct;
    readonly isAwardLost: boolean;
    readonly asAwardLost: {
      readonly id: u64;
      readonly provider: AccountId32;
      readonly cause: PalletDinfraSubscriptionsLossCause;
    } & Struct;
    readonly isStatusChanged: boolean;
    readonly asStatusChanged: {
      readonly id: u64;
      readonly provider: AccountId32;
      readonly status: PalletDinfraSubscriptionsSubscriptionStatus;
    } & Struct;
    readonly isBillingStarted: boolean;
    readonly asBillingStarted: {
      readonly id: u64;
      readonly from: u32;
      readonly expiresAt: Option<u32>;
    } & Struct;
    readonly isSettled: boolean;
    readonly asSettled: {
      readonly id: u64;
      readonly provider: AccountId32;
      readonly amount: u128;
      readonly settledTo: u32;
    } & Struct;
    readonly isToppedUp: boolean;
    readonly asToppedUp: {
      readonly id: u64;
      readonly amount: u128;
      readonly deposit: u128;
      readonly expiresAt: Option<u32>;
    } & Struct;
    readonly isFundsLow: boolean;
    readonly asFundsLow: {
      readonly id: u64;
      readonly remaining: u128;
      readonly expiresAt: u32;
    } & Struct;
    readonly isTerminated: boolean;
    readonly asTerminated: {
      readonly id: u64;
      readonly provider: AccountId32;
      readonly reason: PalletDinfraSubscriptionsTerminationReason;
      readonly refund: u128;
    } & Struct;
    readonly isPurged: boolean;
    readonly asPurged: {
      readonly id: u64;
    } & Struct;
    readonly type: 'Subscribed' | 'Awarded' | 'AwardLost' | 'StatusChanged' | 'BillingStarted' | 'Settled' | 'ToppedUp' | 'FundsLow' | 'Terminated' | 'Purged';
  }

  /** @name PalletDinfraSubscriptionsLossCause (53) */
  interface PalletDinfraSubscriptionsLossCause extends Enum {
    readonly isAckTimeout: boolean;
    readonly isFailed: boolean;
    readonly asFailed: {
      readonly reason: Bytes;
    } & Struct;
    readonly type: 'AckTimeout' | 'Failed';
  }

  /** @name PalletDinfraSubscriptionsSubscriptionStatus (54) */
  interface PalletDinfraSubscriptionsSubscriptionStatus extends Enum {
    readonly isAwarded: boolean;
    readonly isProvisioning: boolean;
    readonly isRunning: boolean;
    readonly asRunning: {
      readonly endpoints: Vec<Bytes>;
    } & Struct;
    readonly isDegraded: boolean;
    readonly asDegraded: {
      readonly endpoints: Vec<Bytes>;
    } & Struct;
    readonly isTerminated: boolean;
    readonly asTerminated: {
      readonly reason: PalletDinfraSubscriptionsTerminationReason;
    } & Struct;
    readonly type: 'Awarded' | 'Provisioning' | 'Running' | 'Degraded' | 'Terminated';
  }

  /** @name PalletDinfraSubscriptionsTerminationReason (57) */
  interface PalletDinfraSubscriptionsTerminationReason extends Enum {
    readonly isBySubscriber: boolean;
    readonly isByProvider: boolean;
    readonly isOutOfFunds: boolean;
    readonly isProviderTimeout: boolean;
    readonly isProviderFailed: boolean;
    readonly isNoProvider: boolean;
    readonly type: 'BySubscriber' | 'ByProvider' | 'OutOfFunds' | 'ProviderTimeout' | 'ProviderFailed' | 'NoProvider';
  }

  /** @name DinfraRuntimeRuntimeError (59) */
  interface DinfraRuntimeRuntimeError extends Enum {
    readonly isSystem: boolean;
    readonly asSystem: FrameSystemError;
    readonly isBalances: boolean;
    readonly asBalances: PalletBalancesError;
    readonly isSudo: boolean;
    readonly asSudo: PalletSudoError;
    readonly isUtility: boolean;
    readonly asUtility: PalletUtilityError;
    readonly isProviders: boolean;
    readonly asProviders: PalletDinfraProvidersError;
    readonly isSubscriptions: boolean;
    readonly asSubscriptions: PalletDinfraSubscriptionsError;
    readonly type: 'System' | 'Balances' | 'Sudo' | 'Utility' | 'Providers' | 'Subscriptions';
  }

  /** @name FrameSystemError (60) */
  interface FrameSystemError extends Enum {
    readonly isInvalidSpecName: boolean;
    readonly isSpecVersionNeedsToIncrease: boolean;
    readonly isFailedToExtractRuntimeVersion: boolean;
    readonly isNonDefaultComposite: boolean;
    readonly isNonZeroRefCount: boolean;
    readonly isCallFiltered: boolean;
    readonly type: 'InvalidSpecName' | 'SpecVersionNeedsToIncrease' | 'FailedToExtractRuntimeVersion' | 'NonDefaultComposite' | 'NonZeroRefCount' | 'CallFiltered';
  }

  /** @name PalletBalancesError (61) */
  interface PalletBalancesError extends Enum {
    readonly isVestingBalance: boolean;
    readonly isLiquidityRestrictions: boolean;
    readonly isInsufficientBalance: boolean;
    readonly isExistentialDeposit: boolean;
    readonly isExpendability: boolean;
    readonly isExistingVestingSchedule: boolean;
    readonly isDeadAccount: boolean;
    readonly isTooManyReserves: boolean;
    readonly isTooManyHolds: boolean;
    readonly isTooManyFreezes: boolean;
    readonly isIssuanceDeactivated: boolean;
    readonly isDeltaZero: boolean;
    readonly type: 'VestingBalance' | 'LiquidityRestrictions' | 'InsufficientBalance' | 'ExistentialDeposit' | 'Expendability' | 'ExistingVestingSchedule' | 'DeadAccount' | 'TooManyReserves' | 'TooManyHolds' | 'TooManyFreezes' | 'IssuanceDeactivated' | 'DeltaZero';
  }

  /** @name PalletSudoError (62) */
  interface PalletSudoError extends Enum {
    readonly isRequireSudo: boolean;
    readonly type: 'RequireSudo';
  }

  /** @name PalletUtilityError (63) */
  interface PalletUtilityError extends Enum {
    readonly isTooManyCalls: boolean;
    readonly type: 'TooManyCalls';
  }

  /** @name PalletDinfraProvidersError (64) */
  interface PalletDinfraProvidersError extends Enum {
    readonly isAlreadyRegistered: boolean;
    readonly isNotProvider: boolean;
    readonly isNameTaken: boolean;
    readonly isBadName: boolean;
    readonly isUrlTooLong: boolean;
    readonly isTooManyRegions: boolean;
    readonly isBadRegion: boolean;
    readonly isZeroCapacity: boolean;
    readonly isUnknownDeploymentType: boolean;
    readonly isNoSuchOffering: boolean;
    readonly isTooManyOfferings: boolean;
    readonly isAlreadyPaused: boolean;
    readonly isNotPaused: boolean;
    readonly isHasLiveSubscriptions: boolean;
    readonly isInvalidCid: boolean;
    readonly isNotAllowed: boolean;
    readonly type: 'AlreadyRegistered' | 'NotProvider' | 'NameTaken' | 'BadName' | 'UrlTooLong' | 'TooManyRegions' | 'BadRegion' | 'ZeroCapacity' | 'UnknownDeploymentType' | 'NoSuchOffering' | 'TooManyOfferings' | 'AlreadyPaused' | 'NotPaused' | 'HasLiveSubscriptions' | 'InvalidCid' | 'NotAllowed';
  }

  /** @name PalletDinfraSubscriptionsError (65) */
  interface PalletDinfraSubscriptionsError extends Enum {
    readonly isInvalidCid: boolean;
    readonly isDepositBelowMinimum: boolean;
    readonly isUnknownDeploymentType: boolean;
    readonly isUnknownProvider: boolean;
    readonly isTooManyAllowedProviders: boolean;
    readonly isBadRegion: boolean;
    readonly isNoOfferingOfType: boolean;
    readonly isNoOfferingInRegion: boolean;
    readonly isAllOfferingsTooExpensive: boolean;
    readonly isAllOfferingsFull: boolean;
    readonly isUnknownSubscription: boolean;
    readonly isAlreadyTerminated: boolean;
    readonly isNotSubscriber: boolean;
    readonly isNotAssignedProvider: boolean;
    readonly isNotAllowed: boolean;
    readonly isIllegalTransition: boolean;
    readonly isTooManyEndpoints: boolean;
    readonly isBadEndpoint: boolean;
    readonly isZeroAmount: boolean;
    readonly isNotBilling: boolean;
    readonly isBadReason: boolean;
    readonly type: 'InvalidCid' | 'DepositBelowMinimum' | 'UnknownDeploymentType' | 'UnknownProvider' | 'TooManyAllowedProviders' | 'BadRegion' | 'NoOfferingOfType' | 'NoOfferingInRegion' | 'AllOfferingsTooExpensive' | 'AllOfferingsFull' | 'UnknownSubscription' | 'AlreadyTerminated' | 'NotSubscriber' | 'NotAssignedProvider' | 'NotAllowed' | 'IllegalTransition' | 'TooManyEndpoints' | 'BadEndpoint' | 'ZeroAmount' | 'NotBilling' | 'BadReason';
  }

  /** @name FrameSystemEventRecord (66) */
  interface FrameSystemEventRecord extends Struct {
    readonly phase: FrameSystemPhase;
    readonly event: Event;
    readonly topics: Vec<H256>;
  }

  /** @name FrameSystemPhase (67) */
  interface FrameSystemPhase extends Enum {
    readonly isApplyExtrinsic: boolean;
    readonly asApplyExtrinsic: u32;
    readonly isFinalization: boolean;
    readonly isInitialization: boolean;
    readonly type: 'ApplyExtrinsic' | 'Finalization' | 'Initialization';
  }

  /** @name SpRuntimeMultiSignature (70) */
  interface SpRuntimeMultiSignature extends Enum {
    readonly isEd25519: boolean;
    readonly asEd25519: U8aFixed;
    readonly isSr25519: boolean;
    readonly asSr25519: U8aFixed;
    readonly isEcdsa: boolean;
    readonly asEcdsa: U8aFixed;
    readonly type: 'Ed25519' | 'Sr25519' | 'Ecdsa';
  }

  /** @name FrameSystemExtensionsCheckNonZeroSender (73) */
  type FrameSystemExtensionsCheckNonZeroSender = Null;

  /** @name FrameSystemExtensionsCheckSpecVersion (74) */
  type FrameSystemExtensionsCheckSpecVersion = Null;

  /** @name FrameSystemExtensionsCheckTxVersion (75) */
  type FrameSystemExtensionsCheckTxVersion = Null;

  /** @name FrameSystemExtensionsCheckGenesis (76) */
  type FrameSystemExtensionsCheckGenesis = Null;

  /** @name FrameSystemExtensionsCheckNonce (79) */
  interface FrameSystemExtensionsCheckNonce extends Compact<u32> {}

  /** @name FrameSystemExtensionsCheckWeight (81) */
  type FrameSystemExtensionsCheckWeight = Null;

  /** @name PalletTransactionPaymentChargeTransactionPayment (82) */
  interface PalletTransactionPaymentChargeTransactionPayment extends Compact<u128> {}

  /** @name FrameMetadataHashExtensionCheckMetadataHash (83) */
  interface FrameMetadataHashExtensionCheckMetadataHash extends Struct {
    readonly mode: FrameMetadataHashExtensionMode;
  }

  /** @name FrameMetadataHashExtensionMode (84) */
  interface FrameMetadataHashExtensionMode extends Enum {
    readonly isDisabled: boolean;
    readonly isEnabled: boolean;
    readonly type: 'Disabled' | 'Enabled';
  }

  /** @name FrameSystemAccountInfo (86) */
  interface FrameSystemAccountInfo extends Struct {
    readonly nonce: u32;
    readonly consumers: u32;
    readonly providers: u32;
    readonly sufficients: u32;
    readonly data: PalletBalancesAccountData;
  }

  /** @name PalletBalancesAccountData (87) */
  interface PalletBalancesAccountData extends Struct {
    readonly free: u128;
    readonly reserved: u128;
    readonly frozen: u128;
    readonly flags: u128;
  }

  /** @name FrameSystemLimitsBlockWeights (90) */
  interface FrameSystemLimitsBlockWeights extends Struct {
    readonly baseBlock: SpWeightsWeightV2Weight;
    readonly maxBlock: SpWeightsWeightV2Weight;
    readonly perClass: FrameSupportDispatchPerDispatchClassWeightsPerClass;
  }

  /** @name FrameSupportDispatchPerDispatchClassWeightsPerClass (91) */
  interface FrameSupportDispatchPerDispatchClassWeightsPerClass extends Struct {
    readonly normal: FrameSystemLimitsWeightsPerClass;
    readonly operational: FrameSystemLimitsWeightsPerClass;
    readonly mandatory: FrameSystemLimitsWeightsPerClass;
  }

  /** @name FrameSystemLimitsWeightsPerClass (92) */
  interface FrameSystemLimitsWeightsPerClass extends Struct {
    readonly baseExtrinsic: SpWeightsWeightV2Weight;
    readonly maxExtrinsic: Option<SpWeightsWeightV2Weight>;
    readonly maxTotal: Option<SpWeightsWeightV2Weight>;
    readonly reserved: Option<SpWeightsWeightV2Weight>;
  }

  /** @name FrameSystemLimitsBlockLength (94) */
  interface FrameSystemLimitsBlockLength extends Struct {
    readonly max: FrameSupportDispatchPerDispatchClassU32;
  }

  /** @name FrameSupportDispatchPerDispatchClassU32 (95) */
  interface FrameSupportDispatchPerDispatchClassU32 extends Struct {
    readonly normal: u32;
    readonly operational: u32;
    readonly mandatory: u32;
  }

  /** @name SpWeightsRuntimeDbWeight (96) */
  interface SpWeightsRuntimeDbWeight extends Struct {
    readonly read: u64;
    readonly write: u64;
  }

  /** @name SpVersionRuntimeVersion (97) */
  interface SpVersionRuntimeVersion extends Struct {
    readonly specName: Text;
    readonly implName: Text;
    readonly authoringVersion: u32;
    readonly specVersion: u32;
    readonly implVersion: u32;
    readonly apis: Vec<ITuple<[U8aFixed, u32]>>;
    readonly transactionVersion: u32;
    readonly stateVersion: u8;
  }

  /** @name PalletDinfraProvidersProviderInfo (104) */
  interface PalletDinfraProvidersProviderInfo extends Struct {
    readonly name: Bytes;
    readonly apiUrl: Bytes;
    readonly operator: AccountId32;
    readonly deposit: u128;
    readonly status: PalletDinfraProvidersProviderStatus;
    readonly liveSubscriptions: u32;
    readonly registeredAt: u32;
  }

  /** @name PalletDinfraProvidersProviderStatus (105) */
  interface PalletDinfraProvidersProviderStatus extends Enum {
    readonly isActive: boolean;
    readonly isPaused: boolean;
    readonly type: 'Active' | 'Paused';
  }

  /** @name PalletDinfraProvidersOffering (107) */
  interface PalletDinfraProvidersOffering extends Struct {
    readonly capacity: u32;
    readonly used: u32;
    readonly pricePerBlock: u128;
    readonly regions: Vec<Bytes>;
    readonly open: bool;
  }

  /** @name PalletDinfraProvidersDeploymentType (110) */
  interface PalletDinfraProvidersDeploymentType extends Struct {
    readonly name: Bytes;
    readonly schemaCid: Bytes;
    readonly owner: Option<AccountId32>;
    readonly deposit: u128;
    readonly registeredAt: u32;
  }

  /** @name PalletDinfraSubscriptionsSubscription (111) */
  interface PalletDinfraSubscriptionsSubscription extends Struct {
    readonly subscriber: AccountId32;
    readonly target: PalletDinfraSubscriptionsTarget;
    readonly descriptorCid: Bytes;
    readonly maxPricePerBlock: u128;
    readonly provider: AccountId32;
    readonly pricePerBlock: u128;
    readonly deposit: u128;
    readonly status: PalletDinfraSubscriptionsSubscriptionStatus;
    readonly createdAt: u32;
    readonly awardedAt: u32;
    readonly ackDeadline: Option<u32>;
    readonly settledTo: Option<u32>;
    readonly expiresAt: Option<u32>;
    readonly fundsLowAt: Option<u32>;
    readonly excluded: Vec<AccountId32>;
    readonly terminatedAt: Option<u32>;
    readonly lastLoss: Option<PalletDinfraSubscriptionsAwardLoss>;
  }

  /** @name PalletDinfraSubscriptionsAwardLoss (113) */
  interface PalletDinfraSubscriptionsAwardLoss extends Struct {
    readonly provider: AccountId32;
    readonly at: u32;
    readonly cause: PalletDinfraSubscriptionsLossCause;
  }

  /** @name PalletDinfraSubscriptionsAgendaKind (117) */
  interface PalletDinfraSubscriptionsAgendaKind extends Enum {
    readonly isAckTimeout: boolean;
    readonly isFundsLow: boolean;
    readonly isExpire: boolean;
    readonly isPurge: boolean;
    readonly type: 'AckTimeout' | 'FundsLow' | 'Expire' | 'Purge';
  }

  /** @name DinfraRuntimeRuntime (119) */
  type DinfraRuntimeRuntime = Null;

} // declare module
