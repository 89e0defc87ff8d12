// Input of `polkadot-types-from-defs`: the chain's types all come from the metadata (see
// scripts/typegen.ts); `dinfra/` adds the DinfraApi runtime API, which typegen cannot read from
// metadata V14. The other files in this folder are generated: do not edit.
export { default as dinfra } from './dinfra/definitions.ts';
