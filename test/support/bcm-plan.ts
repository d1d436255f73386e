import { defaultBcmPlan, type BcmPlan, type ChannelType } from '../../src/modules/toolkit/bcm.js';

/** Builders of BCM plans for tests (pure tests, API tests, browser tests). */
export const contact = (
  id: string,
  name: string,
  channels: [ChannelType, string][],
  backup: string | null = null,
) => ({
  id,
  name,
  role: '',
  organisation: '',
  channels: channels.map(([type, value]) => ({ type, value })),
  backup,
});
const phoneMail = (n: number, mail: string): [ChannelType, string][] => [
  ['phone', `+221 33 000 00${n}`],
  ['email', mail],
];

/** A complete plan built on the default ladder: every level owned, everyone reachable. */
export function validPlan(): BcmPlan {
  const plan = defaultBcmPlan('en');
  plan.contacts = [
    contact('lead', 'Amina Diallo', phoneMail(10, 'amina@cirt.example'), 'duty'),
    contact('duty', 'Duty manager', [
      ...phoneMail(11, 'duty@cirt.example'),
      ['sms', '+221 77 000 0011'],
    ]),
    contact('comms', 'Press officer', phoneMail(12, 'press@gov.example')),
    contact('counsel', 'Legal counsel', phoneMail(13, 'legal@gov.example')),
    contact('ministry', 'Ministry focal point', phoneMail(14, 'focal@gov.example')),
    contact('regulator', 'Regulator desk', phoneMail(15, 'desk@arpt.example')),
    contact('cell', 'Crisis cell secretariat', phoneMail(16, 'cell@gov.example')),
    contact('grid-bcm', 'Grid BCM manager', phoneMail(17, 'bcm@grid.example')),
    contact('bank-bcm', 'Bank BCM manager', phoneMail(18, 'bcm@bank.example')),
  ];
  const owners: Record<string, string> = {
    baseline: 'duty',
    low: 'duty',
    medium: 'duty',
    high: 'lead',
    severe: 'lead',
    emergency: 'lead',
  };
  for (const [level, owner] of Object.entries(owners)) plan.matrix[level]!.owner = owner;
  const members: Record<string, string[]> = {
    'cirt-lead': ['lead'],
    governance: ['ministry'],
    press: ['comms'],
    legal: ['counsel'],
    'sector-regulator': ['regulator'],
    'crisis-cell': ['cell'],
  };
  for (const audience of plan.audiences) audience.contacts = members[audience.id] ?? [];
  plan.operators = [
    {
      id: 'grid',
      operator: 'National Grid Co.',
      sector: 'Energy',
      service: 'Electricity transmission',
      rtoHours: 4,
      rpoHours: 1,
      mtpdHours: 12,
      dependsOn: [],
      dependencies: 'SCADA vendor support',
      bcmContact: 'grid-bcm',
    },
    {
      id: 'bank',
      operator: 'First Bank',
      sector: 'Banking',
      service: 'Retail payments',
      rtoHours: 2,
      rpoHours: 0,
      mtpdHours: 8,
      dependsOn: ['grid'],
      dependencies: '',
      bcmContact: 'bank-bcm',
    },
  ];
  plan.crisisLead = 'lead';
  plan.contactTree = [
    { caller: 'lead', callee: 'duty' },
    { caller: 'lead', callee: 'ministry' },
    { caller: 'duty', callee: 'comms' },
    { caller: 'duty', callee: 'counsel' },
  ];
  return plan;
}
