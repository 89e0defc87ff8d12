import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, encodeAddress, sr25519Agreement, sr25519PairFromSeed } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { isSealed, openSecret, sealSecret, sr25519KeypairFromKeystore, sr25519KeypairFromSuri, SecretOpenError } from '../index.ts';
import { sealSecretWith } from './seal.ts';

const dave = sr25519KeypairFromSuri('//Dave');
const eve = sr25519KeypairFromSuri('//Eve');
const PLAIN = 'p4ssw0rd-do-not-leak';

/** Flips one bit of the payload byte at `at` (0 = the version byte). */
function flip(sealed: string, at: number): string {
  const prefix = 'dinfra-sealed:v1:';
  const payload = Buffer.from(sealed.slice(prefix.length), 'base64url');
  payload[at]! ^= 0x01;
  return prefix + payload.toString('base64url');
}

function openError(o: Parameters<typeof openSecret>[0]): SecretOpenError {
  try {
    openSecret(o);
  } catch (e) {
    expect(e).toBeInstanceOf(SecretOpenError);
    expect((e as SecretOpenError).code).toBe('SECRET_OPEN_FAILED');
    expect((e as Error).message).not.toContain(PLAIN);
    return e as SecretOpenError;
  }
  throw new Error('openSecret did not throw');
}

describe('sealed secrets', () => {
  beforeAll(() => cryptoWaitReady());

  it('round trip: sealed to //Dave, opened with //Dave; a fresh envelope every time', () => {
    const a = sealSecret({ name: 'nodeKey', value: PLAIN, recipient: dave.publicKey });
    const b = sealSecret({ name: 'nodeKey', value: PLAIN, recipient: dave.publicKey });
    expect(a).toMatch(/^dinfra-sealed:v1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(PLAIN);
    expect(isSealed(a)).toBe(true);
    expect(openSecret({ name: 'nodeKey', sealed: a, keypairs: [dave] })).toBe(PLAIN);
    expect(openSecret({ name: 'nodeKey', sealed: b, keypairs: [dave] })).toBe(PLAIN);
  });

  it('round trips the empty string and multi-byte UTF-8', () => {
    for (const value of ['', 'ключ 🔑 clé', 'x'.repeat(10_000)]) {
      expect(openSecret({ name: 'n', sealed: sealSecret({ name: 'n', value, recipient: dave.publicKey }), keypairs: [dave] })).toBe(value);
    }
  });

  it('the wrong key cannot open it; an earlier operator key in the list can', () => {
    const sealed = sealSecret({ name: 'nodeKey', value: PLAIN, recipient: dave.publicKey });
    expect(openError({ name: 'nodeKey', sealed, keypairs: [eve] }).message).toMatch(/cannot be opened with the operator key/);
    expect(openSecret({ name: 'nodeKey', sealed, keypairs: [eve, dave] })).toBe(PLAIN);
  });

  it('a value moved to another name does not open', () => {
    const sealed = sealSecret({ name: 'nodeKey', value: PLAIN, recipient: dave.publicKey });
    openError({ name: 'sessionKey', sealed, keypairs: [dave] });
    openError({ name: 'nodekey', sealed, keypairs: [dave] });
  });

  it.each([
    ['the version byte', 0, /version byte is 0/],
    ['the ephemeral public key', 1 + 5, /cannot be opened with/],
    ['the nonce', 1 + 32 + 3, /cannot be opened with/],
    ['the ciphertext', 1 + 32 + 24, /cannot be opened with/],
    ['the tag', -1, /cannot be opened with/],
  ])('tampering with %s is refused', (_, at, message) => {
    const sealed = sealSecret({ name: 'nodeKey', value: PLAIN, recipient: dave.publicKey });
    const len = Buffer.from(sealed.slice('dinfra-sealed:v1:'.length), 'base64url').length;
    expect(openError({ name: 'nodeKey', sealed: flip(sealed, at < 0 ? len + at : at), keypairs: [dave] }).message).toMatch(message);
  });

  it('malformed and foreign values are refused with what is wrong, never the value', () => {
    const sealed = sealSecret({ name: 'k', value: PLAIN, recipient: dave.publicKey });
    expect(openError({ name: 'k', sealed: PLAIN, keypairs: [dave] }).message).toMatch(/not a sealed value/);
    expect(openError({ name: 'k', sealed: sealed.replace(':v1:', ':v2:'), keypairs: [dave] }).message).toMatch(/version "v2" is not supported/);
    expect(openError({ name: 'k', sealed: `dinfra-sealed:v1:${Buffer.alloc(72, 1).toString('base64url')}`, keypairs: [dave] }).message).toMatch(/shorter than/);
    expect(openError({ name: 'k', sealed: `${sealed}!`, keypairs: [dave] }).message).toMatch(/not base64url/);
    expect(openError({ name: 'k', sealed, keypairs: [] }).message).toMatch(/any of the 0 operator keys/);
    expect(isSealed(PLAIN)).toBe(false);
    expect(isSealed(42)).toBe(false);
  });

  it('refuses to seal to a key that is not 32 bytes, or under an empty name', () => {
    expect(() => sealSecret({ name: 'k', value: 'v', recipient: new Uint8Array(31) })).toThrow(/32-byte sr25519 public key/);
    expect(() => sealSecret({ name: '', value: 'v', recipient: dave.publicKey })).toThrow(/non-empty name/);
  });

  it('known answer: the v1 format does not drift (fixed ephemeral seed and nonce)', () => {
    const ephemeralSeed = new Uint8Array(32).fill(7);
    const nonce = new Uint8Array(24).map((_, i) => i);
    const sealed = sealSecretWith({ name: 'nodeKey', value: 'hunter2', recipient: dave.publicKey, ephemeralSeed, nonce });
    expect(sealed).toBe(KAT);
    // The same bytes rebuilt from the spec (runtime-specs/dinfra.md, "Sealed secrets") with the primitives alone.
    const utf8 = (s: string) => new TextEncoder().encode(s);
    const eph = sr25519PairFromSeed(ephemeralSeed);
    const bound = Buffer.concat([eph.publicKey, dave.publicKey, utf8('nodeKey')]);
    const key = hkdf(sha256, sr25519Agreement(eph.secretKey, dave.publicKey), utf8('dinfra-sealed:v1'), bound, 32);
    const ct = xchacha20poly1305(key, nonce, Buffer.concat([Uint8Array.of(1), bound])).encrypt(utf8('hunter2'));
    const payload = Buffer.concat([Uint8Array.of(1), eph.publicKey, nonce, ct]);
    expect(sealed).toBe(`dinfra-sealed:v1:${payload.toString('base64url')}`);
    expect(openSecret({ name: 'nodeKey', sealed: KAT, keypairs: [dave] })).toBe('hunter2');
  });
});

describe('operator keys', () => {
  beforeAll(() => cryptoWaitReady());

  it("//Dave from a secret URI is the keyring's //Dave", () => {
    const kr = new Keyring({ type: 'sr25519', ss58Format: 42 });
    expect(encodeAddress(dave.publicKey, 42)).toBe(kr.addFromUri('//Dave').address);
    expect(encodeAddress(dave.publicKey, 42)).toBe('5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy');
    expect(dave.secretKey).toHaveLength(64);
  });

  it('mnemonics with paths and passwords, and hex seeds, derive as the keyring does', () => {
    const kr = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const phrase = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
    for (const suri of [phrase, `${phrase}//stash`, `${phrase}//a/b///pw`, `0x${'ab'.repeat(32)}`, `0x${'ab'.repeat(32)}//x`, '//Alice//stash']) {
      expect(encodeAddress(sr25519KeypairFromSuri(suri).publicKey, 42)).toBe(kr.addFromUri(suri).address);
    }
  });

  it('a secret URI that is neither mnemonic nor seed is refused without echoing it', () => {
    for (const suri of ['not a mnemonic at all', 'hunter2', '0x1234']) {
      expect(() => sr25519KeypairFromSuri(suri)).toThrow(/not a valid mnemonic/);
      try {
        sr25519KeypairFromSuri(suri);
      } catch (e) {
        expect((e as Error).message).not.toContain(suri);
      }
    }
  });

  it('a polkadot-js keystore gives the same keypair; a wrong password is refused', () => {
    const kr = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const json = kr.addFromUri('//Dave').toJson('s3cret');
    const kp = sr25519KeypairFromKeystore(json, 's3cret');
    expect(Buffer.from(kp.publicKey).equals(Buffer.from(dave.publicKey))).toBe(true);
    const sealed = sealSecret({ name: 'k', value: PLAIN, recipient: dave.publicKey });
    expect(openSecret({ name: 'k', sealed, keypairs: [kp] })).toBe(PLAIN);
    expect(() => sr25519KeypairFromKeystore(json, 'wrong')).toThrow(/wrong password/);
    expect(() => sr25519KeypairFromKeystore({ address: 'x' }, 's3cret')).toThrow(/not a polkadot-js keystore/);
    const ed = new Keyring({ type: 'ed25519' }).addFromUri('//Dave').toJson('s3cret');
    expect(() => sr25519KeypairFromKeystore(ed, 's3cret')).toThrow(/ed25519 key/);
  });
});

const KAT = 'dinfra-sealed:v1:AXwPRp0700C65xggP6MMoHGl43x1Hokdve2DeyE9RdkdAAECAwQFBgcICQoLDA0ODxAREhMUFRYX5JthLg5HKisdfuUllmbqtnkL7_zvXFY';
