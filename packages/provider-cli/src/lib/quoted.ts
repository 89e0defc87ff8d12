/**
 * Text that came from the chain (a provider's failure reason), quoted for a terminal: a JSON
 * string literal, with DEL, the C1 controls and the bidirectional overrides escaped as well,
 * so that a provider cannot move the cursor, clear the screen or reorder what the user reads.
 */
export function quoted(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
