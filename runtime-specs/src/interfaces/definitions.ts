// Input of `polkadot-types-from-defs`: dinfra-node has no hand-written types, everything comes from
// the metadata (see scripts/typegen.ts). The other files in this folder are generated: do not edit.
export {};
