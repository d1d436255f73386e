import type { BcmIssue, BcmPlan, Cell, ChannelType, Contact } from './bcm.schema.js';
import { IssueList } from './bcm-issues.js';
import { checkContactTree } from './bcm-tree.js';

export * from './bcm.schema.js';
export { defaultBcmPlan } from './bcm-defaults.js';
export { IssueList, issueMessages, fillMessage, type IssueRule } from './bcm-issues.js';

const emailLike = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phoneLike = /^\+?[0-9][0-9 ().-]{2,}$/;

/** Items by id; with a duplicated id (itself an issue) the first one counts. */
export function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const x of list) if (!map.has(x.id)) map.set(x.id, x);
  return map;
}

/** Names by id, for messages that speak of people and levels rather than ids. */
export function namesOf(plan: BcmPlan) {
  const map = <T extends { id: string }>(list: T[], name: (x: T) => string) =>
    new Map([...byId(list)].map(([id, x]) => [id, name(x)]));
  return {
    level: map(plan.levels, (l) => l.name),
    contact: map(plan.contacts, (c) => c.name),
    audience: map(plan.audiences, (a) => a.name),
    operator: map(plan.operators, (o) => o.operator),
  };
}

function duplicates(issues: IssueList, list: { id: string }[], prefix: string): void {
  const seen = new Set<string>();
  list.forEach((x, i) => {
    if (seen.has(x.id)) issues.add(`${prefix}.${i}.id`, 'duplicate_id', { id: x.id });
    seen.add(x.id);
  });
}

/** The contacts a matrix cell reaches (not counting affected operators). */
export const cellContacts = (cell: Cell, audienceContacts: string[]) =>
  cell.contacts.length > 0 ? cell.contacts : audienceContacts;

const hasChannel = (contact: Contact | undefined, type: ChannelType) =>
  contact?.channels.some((c) => c.type === type) ?? false;

/**
 * Checks the rules between the parts of a plan (the schema has checked their shapes) and
 * returns every broken one, in plan order; an empty list means the plan may be saved.
 * Pure and deterministic.
 *
 * @example
 *   validateBcmPlan(plan)
 *   // [{ field: 'matrix.high.owner', rule: 'owner_missing', params: { level: 'High' },
 *   //    message: 'level "High" has no owner' }]
 */
export function validateBcmPlan(plan: BcmPlan): BcmIssue[] {
  const issues = new IssueList();
  const names = namesOf(plan);
  const contacts = byId(plan.contacts);
  const audiences = byId(plan.audiences);
  const known = (field: string, id: string | null) => {
    if (id !== null && !contacts.has(id)) issues.add(field, 'unknown_contact', { id });
  };
  const contactName = (id: string) => names.contact.get(id) ?? id;

  // The ladder.
  duplicates(issues, plan.levels, 'levels');
  plan.levels.forEach((level, i) => {
    const before = plan.levels[i - 1];
    if (before && level.rank <= before.rank)
      issues.add(`levels.${i}.rank`, 'rank_order', {
        level: level.name,
        rank: level.rank,
        other: before.name,
        otherRank: before.rank,
      });
  });

  // People.
  duplicates(issues, plan.contacts, 'contacts');
  plan.contacts.forEach((contact, i) => {
    if (contact.channels.length === 0)
      issues.add(`contacts.${i}.channels`, 'contact_no_channel', { contact: contact.name });
    contact.channels.forEach((channel, j) => {
      const field = `contacts.${i}.channels.${j}.value`;
      const params = { contact: contact.name, channel: channel.type, value: channel.value };
      if (channel.value === '') issues.add(field, 'channel_value_missing', params);
      else if (channel.type === 'email' && !emailLike.test(channel.value))
        issues.add(field, 'channel_value_invalid', params);
      else if (
        (channel.type === 'phone' || channel.type === 'sms') &&
        !phoneLike.test(channel.value)
      )
        issues.add(field, 'channel_value_invalid', params);
    });
    known(`contacts.${i}.backup`, contact.backup);
    if (contact.backup === contact.id)
      issues.add(`contacts.${i}.backup`, 'backup_self', { contact: contact.name });
  });

  duplicates(issues, plan.audiences, 'audiences');
  plan.audiences.forEach((audience, i) =>
    audience.contacts.forEach((id) => known(`audiences.${i}.contacts`, id)),
  );

  if (plan.crisisLead === null) issues.add('crisisLead', 'crisis_lead_missing');
  else known('crisisLead', plan.crisisLead);

  checkMatrix(plan, issues, contacts, audiences);

  // Operators' continuity links.
  duplicates(issues, plan.operators, 'operators');
  const operatorIds = new Set(plan.operators.map((o) => o.id));
  plan.operators.forEach((op, i) => {
    const params = {
      service: op.service,
      operator: op.operator,
      rto: op.rtoHours,
      mtpd: op.mtpdHours,
    };
    if (op.rtoHours > op.mtpdHours) issues.add(`operators.${i}.rtoHours`, 'rto_above_mtpd', params);
    if (op.bcmContact === null)
      issues.add(`operators.${i}.bcmContact`, 'bcm_contact_missing', params);
    else known(`operators.${i}.bcmContact`, op.bcmContact);
    for (const id of op.dependsOn) {
      if (id === op.id) issues.add(`operators.${i}.dependsOn`, 'depends_on_self', params);
      else if (!operatorIds.has(id))
        issues.add(`operators.${i}.dependsOn`, 'unknown_operator', { id });
    }
  });

  // Crisis activation.
  duplicates(issues, plan.checklist, 'checklist');
  plan.checklist.forEach((step, i) => {
    known(`checklist.${i}.who`, step.who);
    const before = plan.checklist[i - 1];
    if (before && step.atMinutes < before.atMinutes)
      issues.add(`checklist.${i}.atMinutes`, 'step_order', {
        step: i + 1,
        minutes: step.atMinutes,
        other: i,
        otherMinutes: before.atMinutes,
      });
  });
  checkContactTree(plan, issues, contactName);
  checkRules(plan, issues, contacts, audiences);
  return issues.items;
}

/** Operators' BCM contacts that cannot be reached by `channel`; `sectors` narrows the operators. */
function operatorsLacking(
  plan: BcmPlan,
  contacts: Map<string, Contact>,
  channel: ChannelType,
  sectors: string[] = [],
) {
  const wanted = new Set(sectors.map((s) => s.toLowerCase()));
  return plan.operators.filter(
    (op) =>
      op.bcmContact !== null &&
      contacts.has(op.bcmContact) &&
      (wanted.size === 0 || wanted.has(op.sector.toLowerCase())) &&
      !hasChannel(contacts.get(op.bcmContact), channel),
  );
}

function checkMatrix(
  plan: BcmPlan,
  issues: IssueList,
  contacts: Map<string, Contact>,
  audiences: Map<string, BcmPlan['audiences'][number]>,
): void {
  const levelIds = new Set(plan.levels.map((l) => l.id));
  for (const key of Object.keys(plan.matrix))
    if (!levelIds.has(key)) issues.add(`matrix.${key}`, 'unknown_level', { id: key });
  // Per audience: the tightest deadline at a less severe level, and that level's name.
  const tightest = new Map<string, { minutes: number; level: string }>();
  for (const level of plan.levels) {
    const row = plan.matrix[level.id];
    const at = `matrix.${level.id}`;
    if (!row || row.owner === null)
      issues.add(`${at}.owner`, 'owner_missing', { level: level.name });
    else if (!contacts.has(row.owner))
      issues.add(`${at}.owner`, 'unknown_contact', { id: row.owner });
    const cells = row?.audiences ?? {};
    for (const key of Object.keys(cells))
      if (!audiences.has(key))
        issues.add(`${at}.audiences.${key}`, 'unknown_audience', { id: key });
    for (const audience of plan.audiences) {
      const cell = cells[audience.id];
      const field = `${at}.audiences.${audience.id}`;
      const params = { level: level.name, audience: audience.name };
      const before = tightest.get(audience.id);
      if (!cell?.informed) {
        if (before)
          issues.add(`${field}.informed`, 'informed_dropped', { ...params, other: before.level });
        continue;
      }
      if (cell.minutes === null) issues.add(`${field}.minutes`, 'minutes_missing', params);
      else if (before && cell.minutes > before.minutes)
        issues.add(`${field}.minutes`, 'deadline_longer', {
          ...params,
          minutes: cell.minutes,
          other: before.level,
          otherMinutes: before.minutes,
        });
      if (cell.minutes !== null && (!before || cell.minutes <= before.minutes))
        tightest.set(audience.id, { minutes: cell.minutes, level: level.name });
      else if (cell.minutes === null && !before)
        tightest.set(audience.id, { minutes: Number.POSITIVE_INFINITY, level: level.name });
      const people = cellContacts(cell, audience.contacts);
      for (const id of cell.contacts)
        if (!contacts.has(id)) issues.add(`${field}.contacts`, 'unknown_contact', { id });
      if (cell.channel === null) {
        issues.add(`${field}.channel`, 'channel_missing', params);
        continue;
      }
      for (const id of people)
        if (contacts.has(id) && !hasChannel(contacts.get(id), cell.channel))
          issues.add(`${field}.channel`, 'contact_lacks_channel', {
            ...params,
            contact: contacts.get(id)!.name,
            channel: cell.channel,
          });
      if (audience.target === 'affected-operators')
        for (const op of operatorsLacking(plan, contacts, cell.channel))
          issues.add(`${field}.channel`, 'operator_lacks_channel', {
            contact: contacts.get(op.bcmContact!)!.name,
            operator: op.operator,
            channel: cell.channel,
            where: `${level.name} / ${audience.name}`,
          });
    }
  }
  // An audience told somewhere without anyone named, on the audience or in the cell.
  plan.audiences.forEach((audience, i) => {
    if (audience.target !== 'contacts' || audience.contacts.length > 0) return;
    const bare = plan.levels.filter((l) => {
      const cell = plan.matrix[l.id]?.audiences[audience.id];
      return cell?.informed === true && cell.contacts.length === 0;
    });
    if (bare.length > 0)
      issues.add(`audiences.${i}.contacts`, 'audience_no_contact', {
        audience: audience.name,
        levels: bare.map((l) => l.name).join(', '),
      });
  });
}

function checkRules(
  plan: BcmPlan,
  issues: IssueList,
  contacts: Map<string, Contact>,
  audiences: Map<string, BcmPlan['audiences'][number]>,
): void {
  duplicates(issues, plan.rules, 'rules');
  const levelIds = new Set(plan.levels.map((l) => l.id));
  plan.rules.forEach((rule, i) => {
    const at = `rules.${i}`;
    const name = rule.name || rule.id;
    if (!levelIds.has(rule.minLevel))
      issues.add(`${at}.minLevel`, 'unknown_level', { id: rule.minLevel });
    if (rule.action === 'activate-checklist') {
      if (plan.checklist.length === 0)
        issues.add(`${at}.action`, 'checklist_empty', { rule: name });
      return;
    }
    if (rule.audience === null)
      issues.add(`${at}.audience`, 'rule_audience_missing', { rule: name });
    else if (!audiences.has(rule.audience))
      issues.add(`${at}.audience`, 'unknown_audience', { id: rule.audience });
    if (rule.channel === null) {
      issues.add(`${at}.channel`, 'rule_channel_missing', { rule: name });
      return;
    }
    const audience = rule.audience === null ? undefined : audiences.get(rule.audience);
    if (!audience) return;
    for (const id of audience.contacts)
      if (contacts.has(id) && !hasChannel(contacts.get(id), rule.channel))
        issues.add(`${at}.channel`, 'rule_contact_lacks_channel', {
          rule: name,
          contact: contacts.get(id)!.name,
          channel: rule.channel,
          audience: audience.name,
        });
    if (audience.target === 'affected-operators')
      for (const op of operatorsLacking(plan, contacts, rule.channel, rule.sectors))
        issues.add(`${at}.channel`, 'operator_lacks_channel', {
          contact: contacts.get(op.bcmContact!)!.name,
          operator: op.operator,
          channel: rule.channel,
          where: name,
        });
  });
}
