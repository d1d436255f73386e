import { api, withQuery } from '../../app/api';
import type { Locale } from '../../app/types';
import type {
  CountryList,
  CountryProfile,
  NeedsList,
  NewFact,
  NewTeam,
  Team,
  TeamEvent,
  Weights,
} from './types';

/** Calls of the registry module, one function per endpoint. */

export const listCountries = (asOf: string, lang: Locale) =>
  api.get<CountryList>(withQuery('/api/registry/countries', { asOf, lang }));

export const getCountry = (iso3: string, asOf: string, lang: Locale) =>
  api.get<CountryProfile>(
    withQuery(`/api/registry/countries/${encodeURIComponent(iso3)}`, { asOf, lang }),
  );

/** The query of the needs ranking, shared by the JSON call and the CSV download link. */
export function needsQuery(asOf: string, lang: Locale, weights: Partial<Weights>) {
  const query: Record<string, string | number> = { asOf, lang };
  for (const [factor, weight] of Object.entries(weights)) query[`w.${factor}`] = weight;
  return query;
}

export const listNeeds = (asOf: string, lang: Locale, weights: Partial<Weights>) =>
  api.get<NeedsList>(withQuery('/api/registry/needs', needsQuery(asOf, lang, weights)));

export const needsCsvUrl = (asOf: string, lang: Locale, weights: Partial<Weights>) =>
  withQuery('/api/registry/needs.csv', needsQuery(asOf, lang, weights));

export const addTeam = (input: NewTeam) => api.post<Team>('/api/registry/teams', input);

export const recordFact = (teamId: string, input: NewFact) =>
  api.post<TeamEvent>(`/api/registry/teams/${encodeURIComponent(teamId)}/events`, input);

export const retractFact = (eventId: string, reason: string) =>
  api.post<TeamEvent>(`/api/registry/events/${encodeURIComponent(eventId)}/retract`, { reason });
