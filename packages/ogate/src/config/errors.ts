/** A configuration that cannot be used; `fields` names each bad field. */
export class ConfigError extends Error {
  readonly code = 'OGATE_CONFIG_INVALID';
  constructor(
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}
