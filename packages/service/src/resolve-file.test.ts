import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveFile } from './resolve-file.ts';

describe('resolveFile', () => {
  it('resolves a declared dependency through its exports, with or without import.meta.resolve', () => {
    const file = resolveFile({ url: import.meta.url }, 'zod');
    expect(file).toMatch(/\/zod\/.*\.(c|m)?js$/);
    expect(existsSync(file)).toBe(true);
    expect(resolveFile({ url: import.meta.url, resolve: () => new URL('file:///x/y.js').href }, 'zod')).toBe('/x/y.js');
  });

  it('throws for a package that is not declared', () => {
    expect(() => resolveFile({ url: import.meta.url }, '@dinfra/not-a-package')).toThrow(/Cannot find module/);
  });
});
