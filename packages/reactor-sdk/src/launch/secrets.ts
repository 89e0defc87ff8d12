import { createHash } from 'node:crypto';
import { parseDocument } from 'yaml';
import { SecretNameError } from './errors.ts';

/**
 * A deployment's opened secrets in cloud-init user data, for every cloud backend (aws, cloudstack).
 * @module
 */

/** Where a deployment's opened secrets land on the instance (root only). */
export const SECRETS_PATH = '/etc/dinfra/secrets.env';

const envLine = (k: string, v: string) => `${k}=${JSON.stringify(v)}`;

/** The secrets as an environment file; names must be usable as variable names. */
export function secretsEnv(secrets: Readonly<Record<string, string>>, resource: string): string {
  for (const k of Object.keys(secrets))
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new SecretNameError(`${resource}: secret name "${k}" is not a valid environment variable name`);
  return Object.entries(secrets).map(([k, v]) => envLine(k, v)).join('\n') + '\n';
}

/**
 * User data that also writes the deployment's secrets to {@link SECRETS_PATH} (0600, root):
 * merged into `write_files` of a `#cloud-config` document, or, for any other user data (a
 * shell script, a MIME archive...), sent as a MIME multi-part archive next to it, which
 * cloud-init processes part by part. Without secrets the user data is returned unchanged.
 */
export function withSecrets(userData: string, secrets: Readonly<Record<string, string>>, resource: string): string {
  if (Object.keys(secrets).length === 0) return userData;
  const file = { path: SECRETS_PATH, owner: 'root:root', permissions: '0600', content: secretsEnv(secrets, resource) };
  if (/^#cloud-config[ \t]*\r?\n/.test(userData)) {
    const doc = parseDocument(userData);
    const js: unknown = doc.errors.length === 0 ? (doc.toJS() ?? {}) : undefined;
    if (js !== null && typeof js === 'object' && !Array.isArray(js)) {
      const files = (js as { write_files?: unknown }).write_files;
      doc.set('write_files', [...(Array.isArray(files) ? files : []), file]);
      const text = doc.toString({ lineWidth: 0 });
      return text.startsWith('#cloud-config') ? text : `#cloud-config\n${text}`;
    }
  }
  // Deterministic, so a replayed RunInstances carries the same user data (ClientToken).
  const boundary = `dinfra-${createHash('sha256').update(userData).update('\0').update(file.content).digest('hex').slice(0, 32)}`;
  // The line break before a boundary belongs to the boundary (RFC 2046): one more keeps the body's own.
  const part = (type: string, body: string) => `--${boundary}\nContent-Type: ${type}; charset="utf-8"\nMIME-Version: 1.0\n\n${body.endsWith('\n') ? body : `${body}\n`}\n`;
  const secretsPart = `#cloud-config\nwrite_files:\n  - path: ${SECRETS_PATH}\n    owner: root:root\n    permissions: '0600'\n    content: ${JSON.stringify(file.content)}\n`;
  const kind = /^#!/.test(userData) ? 'text/x-shellscript' : /^#cloud-config/.test(userData) ? 'text/cloud-config' : 'text/x-shellscript';
  return `Content-Type: multipart/mixed; boundary="${boundary}"\nMIME-Version: 1.0\n\n${part(kind, userData)}${part('text/cloud-config', secretsPart)}--${boundary}--\n`;
}
