/**
 * What of a STIX object a recipient may see. The object's own TLP decides whether it goes at
 * all; granular TLP markings then take out the content the recipient may not see. Content is
 * taken out in whole units so that what remains is still a valid object: a top-level property,
 * one item of a top-level list or one entry of a top-level dictionary (a marking on
 * `external_references.[1].url` takes out that whole reference). Selectors of the remaining
 * granular markings are renumbered. When the remainder would not be a valid object (a required
 * property marked stricter than the object), the object is withheld.
 */
import { parseStixObject, selectorSteps, stixTypes, tlpOf, tlpOfField } from '../stix/index.js';
import { mayDisclose, type Decision, type PolicyOptions, type Recipient } from './disclose.js';

export type Redaction<T> =
  | { disclosed: false; reason: string; decision: Decision }
  | { disclosed: true; object: T; decision: Decision; removed: string[] };

type Step = string | number;
type Unit = [string] | [string, Step];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const sameUnit = (a: Unit, b: Unit) => a.length === b.length && a[0] === b[0] && a[1] === b[1];
const unitText = (u: Unit) =>
  u.length === 1 ? u[0] : typeof u[1] === 'number' ? `${u[0]}.[${u[1]}]` : `${u[0]}.${u[1]}`;
const within = (steps: Step[], unit: Unit) =>
  steps.length >= unit.length && unit.every((step, i) => steps[i] === step);

/** The properties that must stay for any STIX object to remain one. */
const essential = new Set(['type', 'id', 'spec_version', 'created', 'modified']);

/**
 * The object as `recipient` may see it, or why it is withheld.
 *
 * @example
 *   const shown = redact(indicator, { kind: 'peer', community: true }, { defaultTlp: 'amber' });
 *   if (shown.disclosed) send(shown.object);
 */
export function redact<T extends { type: string; [key: string]: unknown }>(
  object: T,
  recipient: Recipient,
  options: PolicyOptions,
): Redaction<T> {
  const decision = mayDisclose(tlpOf(object, options), recipient, options);
  if (!decision.allowed) return { disclosed: false, reason: decision.reason, decision };
  const markings = Array.isArray(object.granular_markings) ? object.granular_markings : [];
  const units: Unit[] = [];
  let firstRefusal: Decision | undefined;
  for (const marking of markings) {
    if (!isRecord(marking) || !Array.isArray(marking.selectors)) continue;
    for (const selector of marking.selectors) {
      if (typeof selector !== 'string') continue;
      const field = mayDisclose(tlpOfField(object, selector, options), recipient, options);
      if (field.allowed) continue;
      firstRefusal ??= field;
      const steps = selectorSteps(selector);
      const unit: Unit = steps.length === 1 ? [String(steps[0])] : [String(steps[0]), steps[1]!];
      if (!units.some((u) => sameUnit(u, unit))) units.push(unit);
    }
  }
  if (units.length === 0) return { disclosed: true, object, decision, removed: [] };
  // A whole property covers its items and entries.
  const kept = units.filter(
    (u) => u.length === 1 || !units.some((o) => o.length === 1 && o[0] === u[0]),
  );
  const withheld = (why: string): Redaction<T> => ({
    disclosed: false,
    reason: `${firstRefusal!.reason}; ${why}`,
    decision: firstRefusal!,
  });
  const hit = kept.find((u) => essential.has(u[0]));
  if (hit) return withheld(`${hit[0]} cannot be taken out, so the object is withheld`);

  const copy = structuredClone(object) as Record<string, unknown>;
  // Remove list items from the highest index down, so lower indexes stay valid.
  const indexOf = (u: Unit) => (typeof u[1] === 'number' ? u[1] : -1);
  const order = [...kept].sort((a, b) => indexOf(b) - indexOf(a));
  for (const unit of order) {
    const [property, step] = unit;
    if (unit.length === 1) delete copy[property];
    else if (Array.isArray(copy[property]) && typeof step === 'number')
      (copy[property] as unknown[]).splice(step, 1);
    else if (isRecord(copy[property])) delete copy[property][step!];
    const rest = copy[property];
    if (
      (Array.isArray(rest) && rest.length === 0) ||
      (isRecord(rest) && Object.keys(rest).length === 0)
    )
      delete copy[property];
  }
  renumberSelectors(copy, kept);

  const removed = kept.map(unitText);
  // Types this module knows are checked whole; of others, the essential properties stayed.
  if ((stixTypes as readonly string[]).includes(object.type)) {
    const check = parseStixObject(copy, { ids: 'received' });
    if (!check.ok) {
      const problem = check.problems[0]!;
      return withheld(
        `without ${removed.join(', ')} it would not be valid (${problem.path}: ${problem.message})`,
      );
    }
  }
  return { disclosed: true, object: copy as T, decision, removed };
}

/** Drops selectors of removed content and renumbers those after removed list items. */
function renumberSelectors(copy: Record<string, unknown>, removed: Unit[]): void {
  if (!Array.isArray(copy.granular_markings)) return;
  const markings = [];
  for (const marking of copy.granular_markings as unknown[]) {
    if (!isRecord(marking) || !Array.isArray(marking.selectors)) {
      markings.push(marking);
      continue;
    }
    const selectors: string[] = [];
    for (const selector of marking.selectors as unknown[]) {
      if (typeof selector !== 'string') continue;
      const steps = selectorSteps(selector);
      if (removed.some((u) => within(steps, u))) continue;
      if (steps.length > 1 && typeof steps[1] === 'number') {
        const index = steps[1];
        const before = removed.filter(
          (u) => u[0] === steps[0] && typeof u[1] === 'number' && u[1] < index,
        ).length;
        steps[1] = index - before;
      }
      if (!(steps[0]! in copy)) continue;
      selectors.push(steps.map((s) => (typeof s === 'number' ? `[${s}]` : s)).join('.'));
    }
    if (selectors.length > 0) markings.push({ ...marking, selectors });
  }
  if (markings.length > 0) copy.granular_markings = markings;
  else delete copy.granular_markings;
}
