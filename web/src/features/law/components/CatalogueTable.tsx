import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mappedInstruments, referenceTo } from '../catalogue';
import type { Category, LawCatalogue, Provision } from '../types';
import { Citation, NotCovered } from './marks';

/**
 * Provisions down, mapped instruments across: each cell the instrument's citation or a dash.
 * Category rows head each group; a provision's title opens its page.
 */
export function CatalogueTable({
  catalogue,
  groups,
  highlight,
}: {
  catalogue: LawCatalogue;
  groups: { category: Category; provisions: Provision[] }[];
  highlight: string;
}) {
  const { t } = useTranslation('law');
  const instruments = mappedInstruments(catalogue);
  const column = (id: string) => (id === highlight ? 'law-col--chosen' : undefined);
  return (
    <div
      className="table-wrap law-catalogue"
      role="region"
      aria-labelledby="catalogue-caption"
      tabIndex={0}
    >
      <table className="table law-table" data-testid="catalogue-table">
        <caption id="catalogue-caption" className="visually-hidden">
          {t('catalogue.caption')}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="law-table__provision">
              {t('catalogue.columns.provision')}
            </th>
            {instruments.map((i) => (
              <th key={i.id} scope="col" className={column(i.id)} data-instrument={i.id}>
                <abbr title={i.title}>{i.shortName}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        {groups.map(({ category, provisions }) => (
          <tbody key={category.id} data-category={category.id}>
            <tr className="law-table__group">
              <th scope="colgroup" colSpan={instruments.length + 1}>
                {category.title}
              </th>
            </tr>
            {provisions.map((p) => (
              <tr key={p.id} data-provision={p.id}>
                <th scope="row" className="law-table__provision">
                  <Link to={`/law/provisions/${p.id}`} className="law-provision-link">
                    <span className="law-id">{p.id}</span> {p.title}
                  </Link>
                  {p.legalBasis ? (
                    <span className="law-tag law-tag--basis">{t('common.legalBasis')}</span>
                  ) : null}
                </th>
                {instruments.map((i) => {
                  const reference = referenceTo(p, i.id);
                  return (
                    <td key={i.id} className={column(i.id)} data-instrument={i.id}>
                      {reference ? (
                        <Citation reference={reference} unit={i.unit} />
                      ) : (
                        <NotCovered />
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
