import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { bcmPlanSchema, defaultBcmPlan, validateBcmPlan, type BcmPlan } from './bcm.js';
import { escalationsFor, type Escalation, type SeverityChange } from './bcm-escalation.js';
import { contactTreeOf } from './bcm-tree.js';
import { contact, validPlan } from '../../../test/support/bcm-plan.js';

const fields = (plan: BcmPlan) => validateBcmPlan(plan).map((i) => `${i.field}: ${i.message}`);

describe('validateBcmPlan', () => {
  it('accepts a complete plan and the plan survives a JSON round trip', () => {
    const plan = validPlan();
    assert.deepEqual(fields(plan), []);
    assert.deepEqual(bcmPlanSchema.parse(JSON.parse(JSON.stringify(plan))), plan);
  });

  it('lists what the default plan still needs: owners, a crisis lead, contacts', () => {
    const issues = validateBcmPlan(defaultBcmPlan('fr'));
    assert.equal(issues.filter((i) => i.rule === 'owner_missing').length, 6);
    assert.ok(issues.some((i) => i.field === 'crisisLead'));
    assert.deepEqual(
      issues.filter((i) => i.rule === 'audience_no_contact').map((i) => i.field),
      [
        'audiences.0.contacts',
        'audiences.1.contacts',
        'audiences.2.contacts',
        'audiences.3.contacts',
        'audiences.4.contacts',
        'audiences.6.contacts',
      ],
    );
    // Default deadlines already respect the severity order.
    assert.equal(
      issues.filter((i) => i.rule === 'deadline_longer' || i.rule === 'informed_dropped').length,
      0,
    );
  });

  it('names a level without owner precisely', () => {
    const plan = validPlan();
    plan.matrix.high!.owner = null;
    assert.deepEqual(validateBcmPlan(plan), [
      {
        field: 'matrix.high.owner',
        rule: 'owner_missing',
        params: { level: 'High' },
        message: 'level "High" has no owner',
      },
    ]);
    // A level missing from the matrix altogether has no owner either.
    delete plan.matrix.severe;
    assert.equal(fields(plan)[1], 'matrix.severe.owner: level "Severe" has no owner');
  });

  it('refuses more time, or no notification, at a more severe level', () => {
    const plan = validPlan();
    plan.matrix.severe!.audiences.press!.minutes = 1500;
    plan.matrix.emergency!.audiences.legal!.informed = false;
    assert.deepEqual(fields(plan), [
      'matrix.severe.audiences.press.minutes: "Press and public communication" has 1500 min at "Severe", more than the 1440 min at the less severe "High"; a more severe level must not allow more time',
      'matrix.emergency.audiences.legal.informed: "Legal counsel" is informed at "Severe" but not at the more severe "Emergency"',
    ]);
    // Equal deadlines are fine.
    plan.matrix.severe!.audiences.press!.minutes = 1440;
    plan.matrix.emergency!.audiences.legal!.informed = true;
    assert.deepEqual(fields(plan), []);
  });

  it('wants a deadline and a channel for every informed cell, and contacts who have that channel', () => {
    const plan = validPlan();
    plan.matrix.high!.audiences.press = {
      informed: true,
      minutes: null,
      channel: 'sms',
      contacts: [],
    };
    plan.matrix.low!.audiences['cirt-lead']!.channel = null;
    assert.deepEqual(fields(plan), [
      'matrix.low.audiences.cirt-lead.channel: level "Low": informing "CIRT lead" needs a channel',
      'matrix.high.audiences.press.minutes: level "High": informing "Press and public communication" needs a deadline in minutes',
      'matrix.high.audiences.press.channel: level "High": "Press officer" has no sms channel, so cannot be told for "Press and public communication"',
    ]);
  });

  it('finds contacts without a channel, bad numbers and addresses, and self-backups', () => {
    const plan = validPlan();
    plan.contacts.push(contact('spare', 'Spare', []));
    plan.contacts[1]!.channels[1]!.value = 'not-an-address';
    plan.contacts[2]!.channels[0]!.value = '';
    plan.contacts[3]!.backup = 'counsel';
    assert.deepEqual(fields(plan), [
      'contacts.1.channels.1.value: "not-an-address" is not a valid email for "Duty manager"',
      'contacts.2.channels.0.value: the phone channel of "Press officer" has no number, address or place',
      'contacts.3.backup: "Legal counsel" cannot be their own backup',
      'contacts.9.channels: contact "Spare" has no channel; add at least one way to reach them',
    ]);
  });

  it('checks the BCM links of operators: RTO within MTPD, a BCM contact, known dependencies', () => {
    const plan = validPlan();
    plan.operators[0]!.rtoHours = 24;
    plan.operators[1]!.bcmContact = null;
    plan.operators[1]!.dependsOn = ['bank', 'water'];
    assert.deepEqual(fields(plan), [
      'operators.0.rtoHours: "Electricity transmission" of "National Grid Co.": the RTO (24 h) exceeds the MTPD (12 h); the service must be back before the disruption becomes intolerable',
      'operators.1.bcmContact: "Retail payments" of "First Bank" has no BCM contact',
      'operators.1.dependsOn: "Retail payments" of "First Bank" cannot depend on itself',
      'operators.1.dependsOn: no operator link has the id "water"',
    ]);
  });

  it('wants the operators of an affected-operators audience reachable on its channel', () => {
    const plan = validPlan();
    plan.contacts[8]!.channels = [{ type: 'email', value: 'bcm@bank.example' }];
    assert.deepEqual(fields(plan), [
      'matrix.severe.audiences.operator-bcm.channel: "Bank BCM manager", BCM contact of "First Bank", has no phone channel (needed by Severe / Affected operators\' BCM teams)',
      'matrix.emergency.audiences.operator-bcm.channel: "Bank BCM manager", BCM contact of "First Bank", has no phone channel (needed by Emergency / Affected operators\' BCM teams)',
      'rules.0.channel: "Bank BCM manager", BCM contact of "First Bank", has no phone channel (needed by From High: call the affected operators\' BCM teams)',
    ]);
  });

  it('wants the contact tree to be a tree rooted at the crisis lead', () => {
    const plan = validPlan();
    plan.contactTree.push(
      { caller: 'comms', callee: 'counsel' }, // second caller
      { caller: 'cell', callee: 'regulator' }, // nobody calls the cell
      { caller: 'regulator', callee: 'cell' }, // ... and this closes a loop
      { caller: 'duty', callee: 'lead' }, // the lead is called
      { caller: 'duty', callee: 'ghost' },
    );
    assert.deepEqual(fields(plan), [
      'contactTree.4.callee: "Legal counsel" is called by both "Duty manager" and "Press officer"; each person has one caller',
      'contactTree.7.callee: the crisis lead "Amina Diallo" starts the tree and is called by no one',
      'contactTree.8.callee: no contact has the id "ghost"',
      'contactTree.5: "Crisis cell secretariat" calling "Regulator desk" closes a loop; the contact tree must not loop',
      'contactTree.6: "Regulator desk" calling "Crisis cell secretariat" closes a loop; the contact tree must not loop',
    ]);
    plan.contactTree = [
      { caller: 'lead', callee: 'duty' },
      { caller: 'comms', callee: 'counsel' },
    ];
    assert.deepEqual(fields(plan), [
      'contactTree.1: "Press officer" calls "Legal counsel", but no chain of calls from the crisis lead "Amina Diallo" reaches "Press officer"',
    ]);
  });

  it('draws the tree as nested nodes from the crisis lead', () => {
    assert.deepEqual(contactTreeOf(validPlan()), {
      contactId: 'lead',
      children: [
        {
          contactId: 'duty',
          children: [
            { contactId: 'comms', children: [] },
            { contactId: 'counsel', children: [] },
          ],
        },
        { contactId: 'ministry', children: [] },
      ],
    });
  });

  it('checks ranks, ids, references, the checklist order and rules', () => {
    const plan = validPlan();
    plan.levels[2]!.rank = 1;
    plan.contacts.push(contact('comms', 'Second press officer', [['phone', '+221 33 000 0099']]));
    plan.matrix.unknown = { owner: 'ghost', audiences: {} };
    plan.matrix.low!.audiences.tv = { informed: true, minutes: 5, channel: 'phone', contacts: [] };
    plan.checklist[3]!.atMinutes = 5;
    plan.rules.push({
      id: 'r3',
      name: '',
      minLevel: 'extreme',
      sectors: [],
      action: 'notify',
      audience: null,
      minutes: 10,
      channel: null,
    });
    assert.deepEqual(fields(plan), [
      'levels.2.rank: level "Medium" has rank 1, not above "Low" (1); list the levels from the least to the most severe with rising ranks',
      'contacts.9.id: the id "comms" is used twice; ids must be unique in their list',
      'matrix.unknown: no level has the id "unknown"',
      'matrix.low.audiences.tv: no audience has the id "tv"',
      'checklist.3.atMinutes: step 4 is due at 5 min, before step 3 (30 min); order the steps by time',
      'rules.2.minLevel: no level has the id "extreme"',
      'rules.2.audience: rule "r3" notifies no audience',
      'rules.2.channel: rule "r3" needs a channel',
    ]);
  });
});

// ---- The contract with the incidents module, exercised by a small fake incident flow. ----

const at = '2025-05-01T08:00:00.000Z';
const minutesAfter = (iso: string, m: number) =>
  new Date(Date.parse(iso) + m * 60_000).toISOString();
const brief = (e: Escalation) =>
  `${e.withinMinutes}m ${e.kind} ${e.audience ?? e.stepId ?? ''} ${e.contactIds.join('+')}${e.channel ? ` by ${e.channel}` : ''}`
    .replace(/\s+/g, ' ')
    .trim();

/** What the incidents module does: on every severity change, ask the plan, send what it says. */
class FakeIncident {
  level: string | null = null;
  readonly outbox: { at: string; escalation: Escalation }[] = [];
  notes: string[] = [];
  constructor(
    private readonly plan: BcmPlan,
    readonly id: string,
    private sectors: string[],
  ) {}
  setSeverity(level: string, when: string, sectors = this.sectors): Escalation[] {
    const change: SeverityChange = {
      incidentId: this.id,
      previous: this.level,
      current: level,
      sectors,
      previousSectors: this.sectors,
      at: when,
    };
    const result = escalationsFor(this.plan, change);
    this.level = level;
    this.sectors = sectors;
    if (result.note) this.notes.push(result.note.message);
    for (const escalation of result.escalations) this.outbox.push({ at: when, escalation });
    return result.escalations;
  }
}

describe('escalationsFor, driven by a fake incident flow', () => {
  it('opens at High in the energy sector: owner first, then by deadline', () => {
    const incident = new FakeIncident(validPlan(), 'INC-1', ['energy']);
    const list = incident.setSeverity('high', at);
    assert.deepEqual(list.map(brief), [
      '0m owner lead',
      '60m notify cirt-lead lead by phone',
      '60m notify operator-bcm grid-bcm by phone',
      '240m notify governance ministry by email',
      '240m notify sector-regulator regulator by email',
      '480m notify legal counsel by email',
      '1440m notify press comms by email',
    ]);
    const operators = list.find((e) => e.audience === 'operator-bcm')!;
    assert.deepEqual(operators.operatorIds, ['grid']);
    assert.equal(operators.reason, 'rules.high-operators');
    assert.equal(operators.dueAt, minutesAfter(at, 60));
    assert.equal(list[0]!.reason, 'matrix.high.owner');
    assert.equal(list[0]!.dueAt, at);
  });

  it('raises step by step and never repeats what a lower level already asked with the same or less time', () => {
    const plan = validPlan();
    const incident = new FakeIncident(plan, 'INC-2', ['banking']);
    const steps = ['baseline', 'low', 'medium', 'high', 'severe', 'emergency'];
    const perStep = steps.map((level, i) =>
      incident.setSeverity(level, minutesAfter(at, i * 60)).map(brief),
    );
    assert.deepEqual(perStep[0], ['0m owner duty']);
    assert.deepEqual(perStep[1], ['1440m notify cirt-lead lead by email']);
    assert.deepEqual(perStep[2], [
      '240m notify cirt-lead lead by email',
      '1440m notify governance ministry by email',
      '1440m notify sector-regulator regulator by email',
    ]);
    // High: a new owner, tighter deadlines, the banking operator's BCM team by the rule.
    assert.deepEqual(perStep[3]!.slice(0, 3), [
      '0m owner lead',
      '60m notify cirt-lead lead by phone',
      '60m notify operator-bcm bank-bcm by phone',
    ]);
    // Severe: the owner is the same and is not asked again; the checklist starts.
    const severe = perStep[4]!;
    assert.ok(!severe.some((s) => s.includes('owner')));
    assert.ok(severe.includes('0m checklist step-1 lead'));
    assert.ok(severe.includes('30m notify operator-bcm bank-bcm by phone'));
    assert.equal(severe.filter((s) => s.includes('checklist')).length, 8);
    // Emergency: the checklist is not started twice.
    assert.ok(!perStep[5]!.some((s) => s.includes('checklist')));

    // Each person is asked again for the same purpose only with a strictly shorter deadline.
    const last = new Map<string, number>();
    for (const { escalation: e } of incident.outbox)
      for (const person of e.contactIds) {
        const key = `${e.kind}|${e.audience ?? e.stepId}|${person}`;
        const before = last.get(key);
        assert.ok(
          before === undefined || e.withinMinutes < before,
          `${key} asked again with ${e.withinMinutes} after ${before}`,
        );
        last.set(key, e.withinMinutes);
      }
  });

  it('lowering the severity asks for nothing and says so', () => {
    const incident = new FakeIncident(validPlan(), 'INC-3', []);
    incident.setSeverity('severe', at);
    const sent = incident.outbox.length;
    assert.deepEqual(incident.setSeverity('medium', minutesAfter(at, 90)), []);
    assert.equal(incident.outbox.length, sent);
    assert.deepEqual(incident.notes, [
      'Severity lowered from "Severe" to "Medium": nothing new to notify; its owner, Duty manager, tells those informed at "Severe" that the incident stands down to "Medium".',
    ]);
  });

  it('a newly affected sector at the same level calls only its operators', () => {
    const incident = new FakeIncident(validPlan(), 'INC-4', ['energy']);
    incident.setSeverity('high', at);
    const list = incident.setSeverity('high', minutesAfter(at, 30), ['energy', 'banking']);
    assert.deepEqual(list.map(brief), ['60m notify operator-bcm bank-bcm by phone']);
    assert.deepEqual(list[0]!.operatorIds, ['bank']);
  });

  it('a rule limited to a sector applies only to incidents in that sector', () => {
    const plan = validPlan();
    plan.rules.push({
      id: 'bank-press',
      name: 'Banking: press early',
      minLevel: 'medium',
      sectors: ['banking'],
      action: 'notify',
      audience: 'press',
      minutes: 120,
      channel: 'email',
    });
    const change = { incidentId: 'INC-5', previous: null, current: 'medium', at };
    assert.ok(
      !escalationsFor(plan, { ...change, sectors: ['energy'] }).escalations.some(
        (e) => e.audience === 'press',
      ),
    );
    const banking = escalationsFor(plan, { ...change, sectors: ['BANKING'] }).escalations;
    assert.equal(banking.find((e) => e.audience === 'press')?.reason, 'rules.bank-press');
  });

  it('refuses an unknown level or time with a validation error', () => {
    assert.throws(
      () =>
        escalationsFor(validPlan(), { incidentId: 'x', previous: null, current: 'critical', at }),
      (e: { code: string; issues: { field: string }[] }) =>
        e.code === 'validation_failed' && e.issues[0]!.field === 'current',
    );
    assert.throws(
      () =>
        escalationsFor(validPlan(), {
          incidentId: 'x',
          previous: null,
          current: 'high',
          at: 'yesterday',
        }),
      (e: { code: string; issues: { field: string }[] }) =>
        e.code === 'validation_failed' && e.issues[0]!.field === 'at',
    );
  });

  it('for any two levels, what the higher asks is covered by the lower plus the raise (property)', () => {
    const plan = validPlan();
    const ids = plan.levels.map((l) => l.id);
    const sectorSets = fc.subarray(['Energy', 'Banking', 'Health']);
    fc.assert(
      fc.property(fc.nat(5), fc.nat(5), sectorSets, (a, b, sectors) => {
        const [low, high] = [Math.min(a, b), Math.max(a, b)];
        const key = (e: Escalation, p: string) => `${e.kind}|${e.audience ?? e.stepId}|${p}`;
        const open = (level: number) =>
          escalationsFor(plan, {
            incidentId: 'p',
            previous: null,
            current: ids[level]!,
            sectors,
            at,
          }).escalations;
        const raise = escalationsFor(plan, {
          incidentId: 'p',
          previous: ids[low]!,
          current: ids[high]!,
          sectors,
          at,
        });
        const covered = new Map<string, number>();
        for (const e of [...open(low), ...raise.escalations])
          for (const p of e.contactIds)
            covered.set(key(e, p), Math.min(covered.get(key(e, p)) ?? Infinity, e.withinMinutes));
        for (const e of open(high))
          for (const p of e.contactIds) {
            const got = covered.get(key(e, p));
            assert.ok(got !== undefined && got <= e.withinMinutes, key(e, p));
          }
        // Deterministic, and lowering never escalates.
        assert.deepEqual(
          raise,
          escalationsFor(plan, {
            incidentId: 'p',
            previous: ids[low]!,
            current: ids[high]!,
            sectors,
            at,
          }),
        );
        if (low < high)
          assert.deepEqual(
            escalationsFor(plan, {
              incidentId: 'p',
              previous: ids[high]!,
              current: ids[low]!,
              sectors,
              at,
            }).escalations,
            [],
          );
      }),
    );
  });
});
