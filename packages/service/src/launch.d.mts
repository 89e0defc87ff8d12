/** Loads `entry` (relative to the bin's `import.meta.url`) through tsx, runs its `main(argv)` and exits with its code. */
export declare function launch(binUrl: string, entry: string): Promise<void>;
