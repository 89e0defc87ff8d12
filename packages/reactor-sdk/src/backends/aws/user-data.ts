import { AwsPermanentError } from './errors.ts';

/** EC2 limit: 16 KB of user data before base64 encoding. */
export const USER_DATA_MAX_BYTES = 16 * 1024;

/**
 * Base64 of the user data for RunInstances (the SDK sends `UserData` as given; EC2 expects
 * base64). Above 16 KB a PermanentBackendError: no retry can make it fit.
 */
export function encodeUserData(text: string, resource: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > USER_DATA_MAX_BYTES)
    throw new AwsPermanentError(
      `${resource}: user data is ${bytes.length} bytes; EC2 accepts at most ${USER_DATA_MAX_BYTES} bytes (before base64). ` +
        'Move large files out of the user data (fetch them at boot).',
      'AWS_USER_DATA_TOO_LARGE',
    );
  return bytes.toString('base64');
}
