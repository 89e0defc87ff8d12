import type { NodeConfig } from './node-config.ts';

/** What the command line asks for. `help` and `version` carry the text to print (exit 0). */
export type NodeCommand =
  | { command: 'run'; config: NodeConfig }
  | { command: 'build-spec'; chain: string; raw: boolean; disableDefaultBootnode: boolean; ignored: string[] }
  | { command: 'help'; text: string }
  | { command: 'version'; text: string };
