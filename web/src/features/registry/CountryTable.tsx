import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../i18n';
import { LowConfidence } from './LowConfidence';
import { StatusKey } from './StatusKey';
import { statuses, type CountryItem } from './types';
import { asOfQuery } from './useAsOf';

type SortKey = 'name' | 'region' | 'groups' | 'status' | 'teams';
type Direction = 'ascending' | 'descending';

interface CountryTableProps {
  items: CountryItem[];
  asOf: string;
}

/**
 * The accessible equivalent of the world map: every country it shows, with the same facts.
 * Column headers are buttons that sort; aria-sort tells screen readers the current order.
 * (The shared Table component has no sorting, hence this table's own markup in its classes.)
 */
export function CountryTable({ items, asOf }: CountryTableProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: 'name',
    direction: 'ascending',
  });
  const locale = currentLocale();
  const regionName = (item: CountryItem) =>
    item.ituRegion ? t(`registry.region.${item.ituRegion}`) : '';

  const sorted = useMemo(() => {
    const collator = new Intl.Collator(locale);
    const text = (item: CountryItem): string | number => {
      switch (sort.key) {
        case 'region':
          return item.ituRegion ? t(`registry.region.${item.ituRegion}`) : '\uffff';
        case 'groups':
          return item.groups.join(' ') || '\uffff';
        case 'status':
          return statuses.indexOf(item.status);
        case 'teams':
          return -item.teams.length;
        default:
          return item.name;
      }
    };
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...items].sort((a, b) => {
      const [x, y] = [text(a), text(b)];
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : collator.compare(String(x), String(y));
      return sign * order || collator.compare(a.name, b.name);
    });
  }, [items, sort, locale, t]);

  const header = (key: SortKey) => {
    const current = sort.key === key ? sort.direction : undefined;
    return (
      <th scope="col" aria-sort={current ?? 'none'}>
        <button
          type="button"
          className="sort-button"
          onClick={() =>
            setSort({
              key,
              direction: current === 'ascending' ? 'descending' : 'ascending',
            })
          }
        >
          {t(`registry.world.columns.${key}`)}
          <span
            className={`sort-button__icon sort-button__icon--${current ?? 'none'}`}
            aria-hidden="true"
          />
        </button>
      </th>
    );
  };

  return (
    <div className="table-wrap" role="region" aria-labelledby="country-table-caption" tabIndex={0}>
      <table className="table registry-table">
        <caption id="country-table-caption" className="table__caption">
          {t('registry.world.tableCaption')}
          <span className="table__caption-hint">{t('registry.world.sortHint')}</span>
        </caption>
        <thead>
          <tr>
            {header('name')}
            {header('region')}
            {header('groups')}
            {header('status')}
            {header('teams')}
          </tr>
        </thead>
        <tbody>
          {sorted.map((item) => (
            <tr key={item.iso3}>
              <th scope="row">
                <Link to={`/registry/countries/${item.iso3}${asOfQuery(asOf)}`}>{item.name}</Link>
                {item.ituMember ? null : (
                  <span className="cell__note">{t('registry.notMember')}</span>
                )}
              </th>
              <td>{regionName(item) || <span className="muted">{t('registry.none')}</span>}</td>
              <td>
                {item.groups.length > 0 ? (
                  <span className="group-codes">
                    {item.groups.map((group) => (
                      <abbr key={group} title={t(`registry.group.${group}`)}>
                        {group}
                      </abbr>
                    ))}
                  </span>
                ) : (
                  <span className="muted">{t('registry.none')}</span>
                )}
              </td>
              <td>
                <StatusKey status={item.status} />
                {item.lowConfidence ? <LowConfidence /> : null}
              </td>
              <td>
                {item.teams.length > 0 ? (
                  <ul className="plain-list">
                    {item.teams.map((team) => (
                      <li key={team.id}>
                        {team.name}{' '}
                        <span className="cell__type">{t(`registry.teamType.${team.type}`)}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">{t('registry.none')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
