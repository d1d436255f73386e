import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../../ui';
import { searchOrgs, setConstituent, type OrgHit } from '../api';
import { splitError } from '../components/errors';
import type { AffectedConstituent } from '../types';
import { useIncident } from './context';

type Search =
  | { state: 'idle' }
  | { state: 'searching'; q: string }
  | { state: 'found'; q: string; items: OrgHit[]; total: number }
  | { state: 'failed'; q: string; message: string };

/**
 * Marks an organisation affected by hand: type part of its name, short name or website, then
 * add one of the organisations found. Each result is a button of its own (Tab moves through
 * them), and what happened (how many found, which one was added, a refusal) is announced in a
 * polite live region.
 */
export function ConstituentSearch({ listed }: { listed: AffectedConstituent[] }) {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { incident, refresh } = useIncident();
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [busy, setBusy] = useState<string | null>(null);
  const [said, setSaid] = useState<string>('');

  useEffect(() => {
    const wanted = q.trim();
    if (wanted === '') {
      setSearch({ state: 'idle' });
      return;
    }
    let current = true;
    const timer = window.setTimeout(() => {
      setSearch({ state: 'searching', q: wanted });
      searchOrgs(wanted).then(
        (answer) => {
          if (current) setSearch({ state: 'found', q: wanted, ...answer });
        },
        (error: unknown) => {
          if (current)
            setSearch({ state: 'failed', q: wanted, message: splitError(t, tApp, error).form });
        },
      );
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [q, t, tApp]);

  async function add(org: OrgHit) {
    setBusy(org.id);
    setSaid('');
    try {
      await setConstituent(incident.id, org.id, 'manual');
      setSaid(t('detail.constituents.added', { name: org.name }));
      setQ('');
      refresh();
    } catch (error) {
      setSaid(splitError(t, tApp, error).form);
    } finally {
      setBusy(null);
    }
  }

  const originOf = (orgId: string) => listed.find((c) => c.orgId === orgId)?.origin;
  const announcement =
    said ||
    (search.state === 'searching'
      ? t('detail.constituents.searching')
      : search.state === 'failed'
        ? search.message
        : search.state === 'found'
          ? search.items.length === 0
            ? t('detail.constituents.noMatch', { q: search.q })
            : t('detail.constituents.found', { count: search.total })
          : '');

  return (
    <form
      className="constituent-search"
      role="search"
      aria-labelledby="constituent-search-title"
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <h3 id="constituent-search-title" className="constituent-search__title">
        {t('detail.constituents.addTitle')}
      </h3>
      <TextField
        id="constituent-search"
        type="search"
        label={t('detail.constituents.search')}
        hint={t('detail.constituents.searchHint')}
        value={q}
        maxLength={200}
        autoComplete="off"
        onChange={(value) => {
          setQ(value);
          setSaid('');
        }}
      />
      <p
        className="constituent-search__status"
        role="status"
        data-testid="constituent-search-status"
      >
        {announcement}
      </p>
      {search.state === 'found' && search.items.length > 0 ? (
        <ul className="constituent-search__results" aria-label={t('detail.constituents.results')}>
          {search.items.map((org) => {
            const origin = originOf(org.id);
            const affected = origin === 'confirmed' || origin === 'manual';
            return (
              <li key={org.id} className="constituent-search__hit" data-hit={org.name}>
                <span className="constituent-search__name">
                  <span className="constituent__name">{org.name}</span>{' '}
                  <span className="constituent-search__meta">
                    {[
                      org.shortName,
                      t(`core.sectors.${org.sector}`, { defaultValue: org.sector }),
                      org.critical ? t('detail.constituents.critical') : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
                {affected ? (
                  <span className="constituent-search__already">
                    {t('detail.constituents.already')}
                  </span>
                ) : (
                  <Button
                    busy={busy === org.id}
                    disabled={busy !== null && busy !== org.id}
                    onClick={() => void add(org)}
                    aria-label={t('detail.constituents.addOrg', { name: org.name })}
                  >
                    {t('detail.constituents.add')}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </form>
  );
}
