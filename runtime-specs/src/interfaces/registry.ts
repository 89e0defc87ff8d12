// Auto-generated via `yarn polkadot-types-from-defs`, do not edit
/* eslint-disable */

// import type lookup before we augment - in some environments
// this is required to allow for ambient/previous definitions
import '@polkadot/types/types/registry';

import type { DinfraRuntimeRuntime, DinfraRuntimeRuntimeError, FrameMetadataHashExtensionCheckMetadataHash, FrameMetadataHashExtensionMode, FrameSupportDispatchDispatchClass, FrameSupportDispatchDispatchInfo, FrameSupportDispatchPays, FrameSupportDispatchPerDispatchClassU32, FrameSupportDispatchPerDispatchClassWeightsPerClass, FrameSupportTokensMiscBalanceStatus, FrameSystemAccountInfo, FrameSystemCall, FrameSystemError, FrameSystemEvent, FrameSystemEventRecord, FrameSystemExtensionsCheckGenesis, FrameSystemExtensionsCheckNonZeroSender, FrameSystemExtensionsCheckNonce, FrameSystemExtensionsCheckSpecVersion, FrameSystemExtensionsCheckTxVersion, FrameSystemExtensionsCheckWeight, FrameSystemLimitsBlockLength, FrameSystemLimitsBlockWeights, FrameSystemLimitsWeightsPerClass, FrameSystemPhase, PalletBalancesAccountData, PalletBalancesCall, PalletBalancesError, PalletBalancesEvent, PalletDinfraProvidersCall, PalletDinfraProvidersDeploymentType, PalletDinfraProvidersError, PalletDinfraProvidersEvent, PalletDinfraProvidersOffering, PalletDinfraProvidersProviderInfo, PalletDinfraProvidersProviderStatus, PalletDinfraSubscriptionsAgendaKind, PalletDinfraSubscriptionsAwardLoss, PalletDinfraSubscriptionsCall, PalletDinfraSubscriptionsError, PalletDinfraSubscriptionsEvent, PalletDinfraSubscriptionsLossCause, PalletDinfraSubscriptionsStatusReport, PalletDinfraSubscriptionsSubscription, PalletDinfraSubscriptionsSubscriptionStatus, PalletDinfraSubscriptionsTarget, PalletDinfraSubscriptionsTerminationReason, PalletSudoCall, PalletSudoError, PalletSudoEvent, PalletTimestampCall, PalletTransactionPaymentChargeTransactionPayment, PalletTransactionPaymentEvent, PalletUtilityCall, PalletUtilityError, PalletUtilityEvent, SpArithmeticArithmeticError, SpRuntimeDispatchError, SpRuntimeModuleError, SpRuntimeMultiSignature, SpRuntimeTokenError, SpRuntimeTransactionalError, SpVersionRuntimeVersion, SpWeightsRuntimeDbWeight, SpWeightsWeightV2Weight } from '@polkadot/types/lookup';

declare module '@polkadot/types/types/registry' {
  interface InterfaceTypes {
    DinfraRuntimeRuntime: DinfraRuntimeRuntime;
    DinfraRuntimeRuntimeError: DinfraRuntimeRuntimeError;
    FrameMetadataHashExtensionCheckMetadataHash: FrameMetadataHashExtensionCheckMetadataHash;
    FrameMetadataHashExtensionMode: FrameMetadataHashExtensionMode;
    FrameSupportDispatchDispatchClass: FrameSupportDispatchDispatchClass;
    FrameSupportDispatchDispatchInfo: FrameSupportDispatchDispatchInfo;
    FrameSupportDispatchPays: FrameSupportDispatchPays;
    FrameSupportDispatchPerDispatchClassU32: FrameSupportDispatchPerDispatchClassU32;
    FrameSupportDispatchPerDispatchClassWeightsPerClass: FrameSupportDispatchPerDispatchClassWeightsPerClass;
    FrameSupportTokensMiscBalanceStatus: FrameSupportTokensMiscBalanceStatus;
    FrameSystemAccountInfo: FrameSystemAccountInfo;
    FrameSystemCall: FrameSystemCall;
    FrameSystemError: FrameSystemError;
    FrameSystemEvent: FrameSystemEvent;
    FrameSystemEventRecord: FrameSystemEventRecord;
    FrameSystemExtensionsCheckGenesis: FrameSystemExtensionsCheckGenesis;
    FrameSystemExtensionsCheckNonZeroSender: FrameSystemExtensionsCheckNonZeroSender;
    FrameSystemExtensionsCheckNonce: FrameSystemExtensionsCheckNonce;
    FrameSystemExtensionsCheckSpecVersion: FrameSystemExtensionsCheckSpecVersion;
    FrameSystemExtensionsCheckTxVersion: FrameSystemExtensionsCheckTxVersion;
    FrameSystemExtensionsCheckWeight: FrameSystemExtensionsCheckWeight;
    FrameSystemLimitsBlockLength: FrameSystemLimitsBlockLength;
    FrameSystemLimitsBlockWeights: FrameSystemLimitsBlockWeights;
    FrameSystemLimitsWeightsPerClass: FrameSystemLimitsWeightsPerClass;
    FrameSystemPhase: FrameSystemPhase;
    PalletBalancesAccountData: PalletBalancesAccountData;
    PalletBalancesCall: PalletBalancesCall;
    PalletBalancesError: PalletBalancesError;
    PalletBalancesEvent: PalletBalancesEvent;
    PalletDinfraProvidersCall: PalletDinfraProvidersCall;
    PalletDinfraProvidersDeploymentType: PalletDinfraProvidersDeploymentType;
    PalletDinfraProvidersError: PalletDinfraProvidersError;
    PalletDinfraProvidersEvent: PalletDinfraProvidersEvent;
    PalletDinfraProvidersOffering: PalletDinfraProvidersOffering;
    PalletDinfraProvidersProviderInfo: PalletDinfraProvidersProviderInfo;
    PalletDinfraProvidersProviderStatus: PalletDinfraProvidersProviderStatus;
    PalletDinfraSubscriptionsAgendaKind: PalletDinfraSubscriptionsAgendaKind;
    PalletDinfraSubscriptionsAwardLoss: PalletDinfraSubscriptionsAwardLoss;
    PalletDinfraSubscriptionsCall: PalletDinfraSubscriptionsCall;
    PalletDinfraSubscriptionsError: PalletDinfraSubscriptionsError;
    PalletDinfraSubscriptionsEvent: PalletDinfraSubscriptionsEvent;
    PalletDinfraSubscriptionsLossCause: PalletDinfraSubscriptionsLossCause;
    PalletDinfraSubscriptionsStatusReport: PalletDinfraSubscriptionsStatusReport;
    PalletDinfraSubscriptionsSubscription: PalletDinfraSubscriptionsSubscription;
    PalletDinfraSubscriptionsSubscriptionStatus: PalletDinfraSubscriptionsSubscriptionStatus;
    PalletDinfraSubscriptionsTarget: PalletDinfraSubscriptionsTarget;
    PalletDinfraSubscriptionsTerminationReason: PalletDinfraSubscriptionsTerminationReason;
    PalletSudoCall: PalletSudoCall;
    PalletSudoError: PalletSudoError;
    PalletSudoEvent: PalletSudoEvent;
    PalletTimestampCall: PalletTimestampCall;
    PalletTransactionPaymentChargeTransactionPayment: PalletTransactionPaymentChargeTransactionPayment;
    PalletTransactionPaymentEvent: PalletTransactionPaymentEvent;
    PalletUtilityCall: PalletUtilityCall;
    PalletUtilityError: PalletUtilityError;
    PalletUtilityEvent: PalletUtilityEvent;
    SpArithmeticArithmeticError: SpArithmeticArithmeticError;
    SpRuntimeDispatchError: SpRuntimeDispatchError;
    SpRuntimeModuleError: SpRuntimeModuleError;
    SpRuntimeMultiSignature: SpRuntimeMultiSignature;
    SpRuntimeTokenError: SpRuntimeTokenError;
    SpRuntimeTransactionalError: SpRuntimeTransactionalError;
    SpVersionRuntimeVersion: SpVersionRuntimeVersion;
    SpWeightsRuntimeDbWeight: SpWeightsRuntimeDbWeight;
    SpWeightsWeightV2Weight: SpWeightsWeightV2Weight;
  } // InterfaceTypes
} // declare module
