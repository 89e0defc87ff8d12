import { KeyError } from './errors.ts';

/**
 * Reads a secret from the terminal without echoing it. Fails with KeyError when stdin is not
 * a terminal (scripts set DINFRA_PASSWORD instead).
 */
export async function promptSecret(question: string, hint: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new KeyError(`${question.replace(/:\s*$/, '')} needed but there is no terminal to ask on: ${hint}`);
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new KeyError('cancelled'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
