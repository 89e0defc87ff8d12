import type { AwardLoss } from '@dinfra/runtime-specs';
import { quoted } from '../../lib/quoted.ts';

/** Why a provider lost an award, in words: the Failed report's reason (quoted), or the ack timeout. */
export function causeText(cause: AwardLoss['cause'], reason: string | undefined): string {
  return cause === 'Failed' ? `reported Failed: ${quoted(reason ?? '')}` : 'no Provisioning report before the ack deadline';
}

/** `acme (5F…) at block #12: reported Failed: "descriptor schema error: …"` */
export function lossText(loss: AwardLoss, providerName?: string): string {
  const who = providerName ? `${providerName} (${loss.provider})` : loss.provider;
  return `${who} at block #${loss.at}: ${causeText(loss.cause, loss.reason)}`;
}
