import type { IssueList } from './bcm-issues.js';
import type { BcmPlan } from './bcm.schema.js';

/** One person in the contact tree and the people they call, in the plan's order. */
export interface TreeNode {
  contactId: string;
  children: TreeNode[];
}

/**
 * The contact tree must be a tree rooted at the crisis lead: every call names known people,
 * nobody calls themselves, each person has one caller, the lead has none, there is no loop and
 * every caller is reached by a chain of calls from the lead.
 */
export function checkContactTree(
  plan: BcmPlan,
  issues: IssueList,
  name: (id: string) => string,
): void {
  const contacts = new Set(plan.contacts.map((c) => c.id));
  const lead = plan.crisisLead;
  const callerOf = new Map<string, string>();
  const sound: boolean[] = plan.contactTree.map((edge, i) => {
    const at = `contactTree.${i}`;
    let ok = true;
    for (const end of ['caller', 'callee'] as const)
      if (!contacts.has(edge[end])) {
        issues.add(`${at}.${end}`, 'unknown_contact', { id: edge[end] });
        ok = false;
      }
    if (!ok) return false;
    if (edge.caller === edge.callee) {
      issues.add(`${at}.callee`, 'tree_self', { contact: name(edge.caller) });
      return false;
    }
    if (edge.callee === lead) {
      issues.add(`${at}.callee`, 'tree_lead_called', { lead: name(lead) });
      return false;
    }
    const other = callerOf.get(edge.callee);
    if (other !== undefined) {
      issues.add(`${at}.callee`, 'tree_two_callers', {
        callee: name(edge.callee),
        caller: name(edge.caller),
        other: name(other),
      });
      return false;
    }
    callerOf.set(edge.callee, edge.caller);
    return true;
  });
  plan.contactTree.forEach((edge, i) => {
    if (!sound[i]) return;
    // Walk up the callers from this call's caller: reaching the callee again is a loop;
    // ending anywhere but at the lead means nobody from the lead reaches this caller.
    const seen = new Set<string>();
    let at = edge.caller;
    while (at !== edge.callee && callerOf.has(at) && !seen.has(at)) {
      seen.add(at);
      at = callerOf.get(at)!;
    }
    const params = { caller: name(edge.caller), callee: name(edge.callee) };
    if (at === edge.callee) issues.add(`contactTree.${i}`, 'tree_cycle', params);
    else if (lead !== null && at !== lead)
      issues.add(`contactTree.${i}`, 'tree_unreachable', { ...params, lead: name(lead) });
  });
}

/**
 * The tree as nested nodes from the crisis lead, following the calls in plan order. Calls that
 * do not hang from the lead (a broken tree being edited) are left out; validation names them.
 */
export function contactTreeOf(plan: BcmPlan): TreeNode | null {
  if (plan.crisisLead === null) return null;
  const children = new Map<string, string[]>();
  for (const edge of plan.contactTree)
    children.set(edge.caller, [...(children.get(edge.caller) ?? []), edge.callee]);
  const visited = new Set<string>();
  const build = (id: string): TreeNode => {
    visited.add(id);
    const next = (children.get(id) ?? []).filter((c) => !visited.has(c));
    return { contactId: id, children: next.map(build) };
  };
  return build(plan.crisisLead);
}
