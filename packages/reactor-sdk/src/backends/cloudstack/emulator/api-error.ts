/** An error answer of the emulated API: HTTP status = `errorcode`, plus CloudStack's `cserrorcode`. */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly errorText: string,
    readonly csErrorCode?: number,
  ) {
    super(errorText);
  }
}

/** CloudStack's exception numbers (`CSExceptionErrorCode`). */
export const CS_ERROR = {
  cloudRuntime: 4250,
  insufficientCapacity: 4325,
  insufficientServerCapacity: 4335,
  invalidParameterValue: 4350,
  permissionDenied: 4365,
  resourceAllocation: 4370,
  serverApi: 9999,
} as const;

export const paramError = (text: string) => new ApiError(431, text, CS_ERROR.invalidParameterValue);
export const missingParam = (command: string, name: string) =>
  paramError(`Unable to execute API command ${command.toLowerCase()} due to missing parameter ${name}`);
export const invalidId = (command: string, name: string, value: string) =>
  paramError(`Unable to execute API command ${command.toLowerCase()} due to invalid value. Invalid parameter ${name} value=${value} due to incorrect long value format, or entity does not exist or due to incorrect parameter annotation for the field in api cmd class.`);

/** The default `cserrorcode` that goes with an `errorcode` when a fault is injected. */
export function defaultCsCode(errorCode: number): number | undefined {
  switch (errorCode) {
    case 431: return CS_ERROR.invalidParameterValue;
    case 530: return CS_ERROR.cloudRuntime;
    case 531: return CS_ERROR.permissionDenied;
    case 532: case 535: return CS_ERROR.resourceAllocation;
    case 533: return CS_ERROR.insufficientServerCapacity;
    default: return undefined;
  }
}
