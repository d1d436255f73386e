import type { Locale } from '../accounts/index.js';
import type { BcmPlan, Cell, ChannelType } from './bcm.schema.js';
import { defaultTexts } from './bcm-defaults-text.js';

/**
 * The plan a project starts from: the six levels of the US National Cyber Incident Scoring
 * System (NCISS, CISA; Baseline 0 to Emergency 5, with its colours), the seven usual audiences,
 * a suggested matrix, a crisis-activation checklist and two rules. Nobody is named yet, so it
 * is not valid until the team adds its contacts, owners and crisis lead: its issues are the
 * to-do list. Texts are in the project's language; everything is editable.
 */
const levels = [
  { id: 'baseline', rank: 0, colour: '#006699' },
  { id: 'low', rank: 1, colour: '#339900' },
  { id: 'medium', rank: 2, colour: '#fcee21' },
  { id: 'high', rank: 3, colour: '#ffc000' },
  { id: 'severe', rank: 4, colour: '#cc0033' },
  { id: 'emergency', rank: 5, colour: '#000000' },
] as const;
export type DefaultLevelId = (typeof levels)[number]['id'];

export const builtinAudiences = [
  'cirt-lead',
  'governance',
  'press',
  'legal',
  'sector-regulator',
  'operator-bcm',
  'crisis-cell',
] as const;
export type BuiltinAudience = (typeof builtinAudiences)[number];

type Suggestion = [minutes: number, channel: ChannelType];
/**
 * Suggested deadlines (minutes) and channels, least severe level first; `null` is "not told".
 * Deadlines shorten as severity rises, as validation requires. The affected operators' BCM
 * teams are called from High by a rule, and by the matrix itself from Severe, with less time.
 */
const suggested: Record<BuiltinAudience, (Suggestion | null)[]> = {
  'cirt-lead': [null, [1440, 'email'], [240, 'email'], [60, 'phone'], [30, 'phone'], [15, 'phone']],
  governance: [null, null, [1440, 'email'], [240, 'email'], [60, 'phone'], [30, 'phone']],
  press: [null, null, null, [1440, 'email'], [240, 'phone'], [60, 'phone']],
  legal: [null, null, null, [480, 'email'], [120, 'phone'], [60, 'phone']],
  'sector-regulator': [null, null, [1440, 'email'], [240, 'email'], [60, 'phone'], [30, 'phone']],
  'operator-bcm': [null, null, null, null, [30, 'phone'], [15, 'phone']],
  'crisis-cell': [null, null, null, null, [60, 'phone'], [15, 'phone']],
};

const stepMinutes = [0, 15, 30, 60, 60, 120, 240, 480];

export function defaultBcmPlan(lang: Locale = 'en'): BcmPlan {
  const t = defaultTexts[lang];
  const matrix: BcmPlan['matrix'] = {};
  levels.forEach((level, i) => {
    const audiences: Record<string, Cell> = {};
    for (const audience of builtinAudiences) {
      const cell = suggested[audience][i];
      if (cell)
        audiences[audience] = { informed: true, minutes: cell[0], channel: cell[1], contacts: [] };
    }
    matrix[level.id] = { owner: null, audiences };
  });
  return {
    levels: levels.map((level) => ({
      ...level,
      name: t.levels[level.id][0],
      description: t.levels[level.id][1],
    })),
    contacts: [],
    audiences: builtinAudiences.map((id) => ({
      id,
      name: t.audiences[id],
      target: id === 'operator-bcm' ? 'affected-operators' : 'contacts',
      contacts: [],
    })),
    matrix,
    operators: [],
    crisisLead: null,
    checklist: t.checklist.map(([action, done], i) => ({
      id: `step-${i + 1}`,
      action,
      who: null,
      atMinutes: stepMinutes[i] ?? 0,
      done,
    })),
    contactTree: [],
    rules: [
      {
        id: 'high-operators',
        name: t.rules.operators,
        minLevel: 'high',
        sectors: [],
        action: 'notify',
        audience: 'operator-bcm',
        minutes: 60,
        channel: 'phone',
      },
      {
        id: 'severe-checklist',
        name: t.rules.checklist,
        minLevel: 'severe',
        sectors: [],
        action: 'activate-checklist',
        audience: null,
        minutes: 0,
        channel: null,
      },
    ],
  };
}
