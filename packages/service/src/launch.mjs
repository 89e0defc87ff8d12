// The one launcher of the service bins (dinfra-node, dinfra-ogate, dinfra-reactor,
// dinfra-gateway): loads the TypeScript entry through tsx's ESM loader (no build step), calls its
// `main(argv)` and exits with the code it resolves with (1 and the error when it throws).
import { register } from 'tsx/esm/api';

/**
 * @param {string} binUrl the bin's `import.meta.url`
 * @param {string} entry the entry module, relative to the bin (e.g. `../src/main.ts`)
 * @returns {Promise<void>}
 */
export async function launch(binUrl, entry) {
  register();
  const { main } = await import(new URL(entry, binUrl).href);
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
