#!/usr/bin/env node
// dinfra-node: the TypeScript sources through @dinfra/service's one launcher (tsx, no build step).
import { launch } from '@dinfra/service/launch';

await launch(import.meta.url, '../src/main.ts');
