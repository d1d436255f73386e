import { useTranslation } from 'react-i18next';
import { languages } from '../../i18n';
import { Table } from '../../ui';
import { citationLinks } from './events';
import { formatList, formatPartialDate } from './format';
import { ConfidenceBadge } from './TeamHistory';
import type { CountryProfile } from './types';

/** Names, codes, ITU membership and organisations, as a definition list. */
export function CountryFacts({ country }: { country: CountryProfile }) {
  const { t } = useTranslation();
  const none = <span className="muted">{t('registry.none')}</span>;
  return (
    <div className="profile-facts">
      <section aria-labelledby="names-heading" className="profile-card">
        <h2 id="names-heading" className="profile-card__title">
          {t('registry.profile.names')}
        </h2>
        <dl className="facts facts--compact">
          {languages.map((language) => (
            <div key={language.code}>
              <dt lang={language.code}>{language.nativeName}</dt>
              <dd lang={language.code} dir={language.dir}>
                {country.names[language.code]}
              </dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="codes-heading" className="profile-card">
        <h2 id="codes-heading" className="profile-card__title">
          {t('registry.profile.identity')}
        </h2>
        <dl className="facts facts--compact">
          <div>
            <dt>{t('registry.profile.iso3')}</dt>
            <dd>{country.iso3}</dd>
          </div>
          <div>
            <dt>{t('registry.profile.iso2')}</dt>
            <dd>{country.iso2}</dd>
          </div>
          <div>
            <dt>{t('registry.profile.numeric')}</dt>
            <dd>{String(country.numeric).padStart(3, '0')}</dd>
          </div>
          <div>
            <dt>{t('registry.profile.ituMember')}</dt>
            <dd>{country.ituMember ? t('registry.yes') : t('registry.notMember')}</dd>
          </div>
          <div>
            <dt>{t('registry.profile.sovereignty')}</dt>
            <dd>{t(`registry.sovereignty.${country.sovereignty}`)}</dd>
          </div>
          <div>
            <dt>{t('registry.profile.region')}</dt>
            <dd>{country.ituRegion ? t(`registry.region.${country.ituRegion}`) : none}</dd>
          </div>
          <div>
            <dt>{t('registry.profile.organisations')}</dt>
            <dd>
              {country.organisations.length > 0
                ? formatList(
                    country.organisations.map((code) =>
                      t('registry.organisationOption', {
                        code,
                        name: t(`registry.organisation.${code}`),
                      }),
                    ),
                  )
                : none}
            </dd>
          </div>
        </dl>
        {country.notes ? <p className="profile-card__note">{country.notes}</p> : null}
      </section>
    </div>
  );
}

export function GroupsTable({ country }: { country: CountryProfile }) {
  const { t } = useTranslation();
  if (country.groups.length === 0) return <p className="muted">{t('registry.profile.noGroups')}</p>;
  const sourceText = (source: string) =>
    citationLinks({ sourceId: source }, country.sources).map((link, index) => (
      <span key={`${link.title}-${index}`} className="cell__source">
        {link.url ? (
          <a href={link.url} rel="noopener noreferrer" target="_blank">
            {link.title}
          </a>
        ) : (
          link.title
        )}
      </span>
    ));
  return (
    <Table
      caption={t('registry.profile.groupsCaption')}
      captionHidden
      columns={[
        { key: 'group', label: t('registry.profile.columns.group') },
        { key: 'from', label: t('registry.profile.columns.from') },
        { key: 'to', label: t('registry.profile.columns.to') },
        { key: 'source', label: t('registry.profile.columns.source') },
        { key: 'confidence', label: t('registry.profile.columns.confidence') },
      ]}
    >
      {country.groups.map((g) => (
        <tr key={`${g.group}-${g.from ?? ''}`}>
          <th scope="row">
            {t('registry.groupOption', { code: g.group, name: t(`registry.group.${g.group}`) })}
          </th>
          <td>{g.from ? formatPartialDate(g.from) : t('registry.profile.unknownDate')}</td>
          <td>{g.to ? formatPartialDate(g.to) : t('registry.profile.ongoing')}</td>
          <td>{sourceText(g.source)}</td>
          <td>
            <ConfidenceBadge confidence={g.confidence} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

export function SourcesList({ country }: { country: CountryProfile }) {
  const { t } = useTranslation();
  if (country.sources.length === 0)
    return <p className="muted">{t('registry.profile.noSources')}</p>;
  return (
    <ul className="source-list">
      {country.sources.map((source) => (
        <li key={source.id}>
          {source.url ? (
            <a href={source.url} rel="noopener noreferrer" target="_blank">
              {source.title}
            </a>
          ) : (
            source.title
          )}
          <span className="cell__note">
            {[source.publisher, source.date ? formatPartialDate(source.date) : '']
              .filter(Boolean)
              .join(' · ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
