import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { formatDateTime, formatNumber } from '../../app/format';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { currentLocale } from '../../i18n';
import { Alert, Button, EmptyState, Loading, PageHeader, Select, Table } from '../../ui';
import { listCountries, registryCountries } from './api';
import { ImportPanel } from './components/ImportPanel';
import { LawNav } from './components/LawNav';
import { formatPercent } from './format';
import { useCatalogue } from './useCatalogue';

/** A country's coverage as a number and a thin bar; the number is what readers hear. */
export function PercentBar({ percent }: { percent: number | null }) {
  return (
    <span className="law-meter">
      <span className="law-meter__value">{formatPercent(percent)}</span>
      <span className="law-meter__track" aria-hidden="true">
        <span className="law-meter__fill" style={{ inlineSize: `${percent ?? 0}%` }} />
      </span>
    </span>
  );
}

function CountryPicker({ assessed }: { assessed: ReadonlySet<string> }) {
  const { t } = useTranslation('law');
  const { can } = useAuth();
  const navigate = useNavigate();
  const locale = currentLocale();
  const countries = useResource(() => registryCountries(locale), [locale]);
  const [iso3, setIso3] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const collator = new Intl.Collator(locale);
  const items = [...(countries.data?.items ?? [])].sort((a, b) => collator.compare(a.name, b.name));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!iso3) return setProblem(t('countries.pick.required'));
    void navigate(`/law/countries/${iso3}`);
  }

  return (
    <section aria-labelledby="pick-heading" className="law-panel law-pick">
      <h2 id="pick-heading" className="section-title">
        {t(can('law.edit') ? 'countries.pick.titleEdit' : 'countries.pick.title')}
      </h2>
      <form className="law-pick__form" noValidate onSubmit={submit}>
        <Select
          label={t('countries.pick.label')}
          hint={t('countries.pick.hint')}
          value={iso3}
          error={problem ?? undefined}
          onChange={(value) => {
            setIso3(value);
            setProblem(null);
          }}
          data-testid="country-picker"
          options={[
            { value: '', label: t('countries.pick.placeholder') },
            ...items.map((c) => ({
              value: c.iso3,
              label: assessed.has(c.iso3)
                ? t('countries.pick.assessedOption', { name: c.name })
                : c.name,
            })),
          ]}
        />
        <Button type="submit" variant="primary" data-testid="country-open">
          {t('countries.pick.open')}
        </Button>
      </form>
      {countries.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, countries.error).message} />
      ) : null}
    </section>
  );
}

/** The countries with a legal assessment, their coverage, and the way to assess another. */
export default function CountriesPage() {
  const { t } = useTranslation('law');
  const { can } = useAuth();
  const locale = currentLocale();
  const list = useResource(() => listCountries(locale), [locale]);
  const catalogue = useCatalogue();
  useDocumentTitle(t('countries.title'));
  const total = catalogue.data?.provisions.length;
  const collator = new Intl.Collator(locale);
  const rows = [...(list.data ?? [])].sort((a, b) => collator.compare(a.name, b.name));

  return (
    <section>
      <LawNav />
      <PageHeader title={t('countries.title')} description={t('countries.intro')} />
      <CountryPicker assessed={new Set(rows.map((r) => r.iso3))} />
      {list.status === 'failed' ? (
        <Alert tone="error" title={describeError(t, list.error).message} />
      ) : null}
      {!list.data ? (
        list.status === 'failed' ? null : (
          <Loading />
        )
      ) : rows.length === 0 ? (
        <EmptyState title={t('countries.empty')}>
          <p>{t('countries.emptyBody')}</p>
        </EmptyState>
      ) : (
        <Table
          caption={t('countries.caption')}
          columns={[
            { key: 'country', label: t('countries.columns.country') },
            { key: 'coverage', label: t('countries.columns.coverage') },
            { key: 'assessed', label: t('countries.columns.assessed') },
            { key: 'last', label: t('countries.columns.last') },
            { key: 'report', label: t('countries.columns.report'), visuallyHidden: true },
          ]}
        >
          {rows.map((c) => (
            <tr key={c.iso3} data-iso3={c.iso3}>
              <th scope="row">
                <Link to={`/law/countries/${c.iso3}`}>{c.name}</Link>
              </th>
              <td className="cell--bar">
                <PercentBar percent={c.percent} />
              </td>
              <td>
                {total === undefined
                  ? formatNumber(c.assessed)
                  : t('countries.assessedOf', {
                      assessed: formatNumber(c.assessed),
                      total: formatNumber(total),
                    })}
              </td>
              <td>{formatDateTime(c.lastAssessedAt)}</td>
              <td>
                <Link to={`/law/countries/${c.iso3}/report`}>
                  {t('countries.report')}
                  <span className="visually-hidden"> {c.name}</span>
                </Link>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <ImportPanel canEdit={can('law.edit')} onImported={list.reload} />
    </section>
  );
}
