import { renderArgs, type LaunchPlan } from './plan.ts';

/** Quotes one word for an `Exec*=` line: systemd splits on spaces and expands `$` and `%`. */
export function systemdQuote(word: string): string {
  const escaped = word.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '$$$$').replace(/%/g, '%%');
  return /^[A-Za-z0-9_@+=:,./-]+$/.test(word) ? escaped : `"${escaped}"`;
}

export interface UnitOptions {
  /** Account the service runs as. */
  readonly user: string;
  /** Environment file written next to the unit (holds `plan.env`). */
  readonly environmentFile?: string;
}

/** A systemd service unit that runs the plan and restarts it with a back-off. */
export function renderUnit(plan: LaunchPlan, o: UnitOptions): string {
  const exec = [plan.binary, ...renderArgs(plan)].map(systemdQuote).join(' ');
  return [
    '[Unit]',
    `Description=DINFRA deployment ${plan.name}${plan.chain ? ` (${plan.chain} ${plan.role ?? ''})`.trimEnd() : ''}`,
    'Wants=network-online.target',
    'After=network-online.target',
    '',
    '[Service]',
    'Type=simple',
    `User=${o.user}`,
    `WorkingDirectory=${systemdQuote(plan.basePath)}`,
    ...(o.environmentFile ? [`EnvironmentFile=${o.environmentFile}`] : []),
    `ExecStart=${exec}`,
    'Restart=always',
    'RestartSec=5',
    'KillMode=control-group',
    'LimitNOFILE=65536',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}
