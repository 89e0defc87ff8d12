import { Command } from 'commander';
import { registerCommand } from './register.ts';
import { offerCommand } from './offer.ts';
import { closeOfferCommand } from './close-offer.ts';
import { setOperatorCommand } from './set-operator.ts';
import { pauseCommand, resumeCommand } from './pause.ts';
import { deregisterCommand } from './deregister.ts';
import { showCommand } from './show.ts';

export function providerCommand(): Command {
  return new Command('provider')
    .description('register as a provider and manage your offerings')
    .addCommand(registerCommand())
    .addCommand(offerCommand())
    .addCommand(closeOfferCommand())
    .addCommand(setOperatorCommand())
    .addCommand(pauseCommand())
    .addCommand(resumeCommand())
    .addCommand(deregisterCommand())
    .addCommand(showCommand());
}
