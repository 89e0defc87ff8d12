import { randomInt } from 'node:crypto';

const ADJECTIVES = [
  'able', 'bright', 'calm', 'daring', 'eager', 'fancy', 'gentle', 'happy', 'icy', 'jolly',
  'keen', 'lively', 'merry', 'noble', 'odd', 'proud', 'quick', 'rapid', 'shiny', 'tidy',
];
const NOUNS = [
  'acorn', 'brook', 'cloud', 'dune', 'ember', 'fjord', 'grove', 'harbor', 'island', 'jungle',
  'kettle', 'lagoon', 'meadow', 'nebula', 'orchard', 'pebble', 'quartz', 'river', 'summit', 'tundra',
];

/** A name like Substrate's (`adjective-noun-1234`). */
export function randomNodeName(): string {
  const pick = (words: string[]): string => words[randomInt(words.length)] ?? 'node';
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${randomInt(10_000)}`;
}
