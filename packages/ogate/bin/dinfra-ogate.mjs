#!/usr/bin/env node
// dinfra-ogate: the TypeScript sources through @dinfra/service's one launcher (tsx, no build step).
import { launch } from '@dinfra/service/launch';

await launch(import.meta.url, '../src/cli/main.ts');
