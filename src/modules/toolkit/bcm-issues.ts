import type { BcmIssue } from './bcm.schema.js';

/**
 * Every issue rule with its English message; `{name}` takes the issue's params. The web UI has
 * the same rules in six languages under `bcm.issues`.
 */
export const issueMessages = {
  duplicate_id: 'the id "{id}" is used twice; ids must be unique in their list',
  rank_order:
    'level "{level}" has rank {rank}, not above "{other}" ({otherRank}); list the levels from the least to the most severe with rising ranks',
  contact_no_channel: 'contact "{contact}" has no channel; add at least one way to reach them',
  channel_value_missing: 'the {channel} channel of "{contact}" has no number, address or place',
  channel_value_invalid: '"{value}" is not a valid {channel} for "{contact}"',
  unknown_contact: 'no contact has the id "{id}"',
  unknown_level: 'no level has the id "{id}"',
  unknown_audience: 'no audience has the id "{id}"',
  unknown_operator: 'no operator link has the id "{id}"',
  backup_self: '"{contact}" cannot be their own backup',
  crisis_lead_missing:
    'the plan names no crisis lead; choose who leads the crisis and starts the contact tree',
  owner_missing: 'level "{level}" has no owner',
  minutes_missing: 'level "{level}": informing "{audience}" needs a deadline in minutes',
  channel_missing: 'level "{level}": informing "{audience}" needs a channel',
  audience_no_contact:
    '"{audience}" is informed (at {levels}) but names no contact, neither on the audience nor in those cells',
  contact_lacks_channel:
    'level "{level}": "{contact}" has no {channel} channel, so cannot be told for "{audience}"',
  operator_lacks_channel:
    '"{contact}", BCM contact of "{operator}", has no {channel} channel (needed by {where})',
  informed_dropped: '"{audience}" is informed at "{other}" but not at the more severe "{level}"',
  deadline_longer:
    '"{audience}" has {minutes} min at "{level}", more than the {otherMinutes} min at the less severe "{other}"; a more severe level must not allow more time',
  rto_above_mtpd:
    '"{service}" of "{operator}": the RTO ({rto} h) exceeds the MTPD ({mtpd} h); the service must be back before the disruption becomes intolerable',
  bcm_contact_missing: '"{service}" of "{operator}" has no BCM contact',
  depends_on_self: '"{service}" of "{operator}" cannot depend on itself',
  step_order:
    'step {step} is due at {minutes} min, before step {other} ({otherMinutes} min); order the steps by time',
  tree_self: '"{contact}" cannot call themselves',
  tree_two_callers:
    '"{callee}" is called by both "{other}" and "{caller}"; each person has one caller',
  tree_lead_called: 'the crisis lead "{lead}" starts the tree and is called by no one',
  tree_cycle: '"{caller}" calling "{callee}" closes a loop; the contact tree must not loop',
  tree_unreachable:
    '"{caller}" calls "{callee}", but no chain of calls from the crisis lead "{lead}" reaches "{caller}"',
  rule_audience_missing: 'rule "{rule}" notifies no audience',
  rule_channel_missing: 'rule "{rule}" needs a channel',
  rule_contact_lacks_channel:
    'rule "{rule}": "{contact}" has no {channel} channel, so cannot be told for "{audience}"',
  checklist_empty: 'rule "{rule}" activates the checklist, but the checklist has no steps',
} as const;
export type IssueRule = keyof typeof issueMessages;

type Params = Record<string, string | number>;
export const fillMessage = (template: string, params: Params) =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in params ? String(params[key]) : whole,
  );

/** Collects issues in plan order. */
export class IssueList {
  readonly items: BcmIssue[] = [];
  add(field: string, rule: IssueRule, params: Params = {}): void {
    this.items.push({ field, rule, params, message: fillMessage(issueMessages[rule], params) });
  }
}
