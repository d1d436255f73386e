import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { Alert, EmptyState, Loading, PageHeader, Select, Table } from '../../ui';
import { mappedInstruments, referenceTo } from './catalogue';
import { LawNav } from './components/LawNav';
import { Citation, NotCovered, UnverifiedLegend } from './components/marks';
import type { Instrument, LawCatalogue, Provision } from './types';
import { useCatalogue } from './useCatalogue';

function References({ catalogue, provision }: { catalogue: LawCatalogue; provision: Provision }) {
  const { t } = useTranslation('law');
  return (
    <section aria-labelledby="references-heading" className="law-section">
      <h2 id="references-heading" className="section-title">
        {t('provision.references.title')}
      </h2>
      <UnverifiedLegend />
      <Table
        caption={t('provision.references.caption', { id: provision.id })}
        captionHidden
        columns={[
          { key: 'instrument', label: t('provision.references.instrument') },
          { key: 'citation', label: t('provision.references.citation') },
          { key: 'note', label: t('provision.references.note') },
        ]}
      >
        {mappedInstruments(catalogue).map((i) => {
          const reference = referenceTo(provision, i.id);
          return (
            <tr
              key={i.id}
              data-instrument={i.id}
              className={reference ? undefined : 'law-row--none'}
            >
              <th scope="row">
                <a href={i.url} target="_blank" rel="noopener noreferrer">
                  {i.shortName}
                  <span className="visually-hidden"> {t('common.newTab')}</span>
                </a>
                <span className="law-row-note">{i.title}</span>
              </th>
              <td className="cell--nowrap">
                {reference ? <Citation reference={reference} unit={i.unit} /> : <NotCovered />}
              </td>
              <td>{reference?.note ?? ''}</td>
            </tr>
          );
        })}
      </Table>
    </section>
  );
}

function Checklist({ catalogue, provision }: { catalogue: LawCatalogue; provision: Provision }) {
  const { t } = useTranslation('law');
  const [instrument, setInstrument] = useState('');
  const byId = new Map<string, Instrument>(catalogue.instruments.map((i) => [i.id, i]));
  const asked = provision.references.map((r) => r.instrument);
  const elements = provision.checklist.filter(
    (c) => instrument === '' || c.instruments.includes(instrument),
  );
  return (
    <section aria-labelledby="checklist-heading" className="law-section">
      <h2 id="checklist-heading" className="section-title">
        {t('provision.checklist.title')}
      </h2>
      <p className="muted law-measure">{t('provision.checklist.intro')}</p>
      <div className="law-inline-filter">
        <Select
          label={t('provision.checklist.filter')}
          value={instrument}
          onChange={setInstrument}
          data-testid="checklist-instrument"
          options={[
            { value: '', label: t('provision.checklist.allInstruments') },
            ...asked.map((id) => ({ value: id, label: byId.get(id)?.shortName ?? id })),
          ]}
        />
      </div>
      <ol className="law-checklist" data-testid="checklist">
        {elements.map((c) => (
          <li key={c.id} className="law-checklist__item" data-element={c.id}>
            <p className="law-checklist__text">
              {c.text}
              {c.optional ? (
                <span className="law-tag law-tag--optional">{t('common.optional')}</span>
              ) : null}
            </p>
            <p className="law-checklist__instruments">
              <span className="visually-hidden">{t('provision.checklist.askedBy')} </span>
              {c.instruments.length === 0 ? (
                <span className="law-tag law-tag--practice">{t('common.goodPractice')}</span>
              ) : (
                c.instruments.map((id) => (
                  <span key={id} className="law-tag law-tag--instrument">
                    {byId.get(id)?.shortName ?? id}
                  </span>
                ))
              )}
            </p>
          </li>
        ))}
      </ol>
      {elements.length === 0 ? <p className="muted">{t('provision.checklist.none')}</p> : null}
    </section>
  );
}

/** Legal basis of a national CIRT: the SIM3 parameters and the toolkit's readiness area. */
function LegalBasis({ provision }: { provision: Provision }) {
  const { t } = useTranslation('law');
  const { can } = useAuth();
  if (!provision.legalBasis && provision.sim3.length === 0) return null;
  return (
    <section aria-labelledby="basis-heading" className="law-section law-basis">
      <h2 id="basis-heading" className="section-title">
        {t('provision.basis.title')}
      </h2>
      {provision.legalBasis ? <p>{t('provision.basis.intro')}</p> : null}
      {provision.sim3.length > 0 ? (
        <>
          <p className="law-basis__label">{t('provision.basis.sim3')}</p>
          <ul className="law-basis__sim3">
            {provision.sim3.map((id) => (
              <li key={id} data-sim3={id}>
                <span className="law-id">{id}</span> {t(`common.sim3.${id}`, { defaultValue: id })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="law-basis__links">
        {can('toolkit.read') ? (
          <>
            <Link to="/toolkit" data-testid="toolkit-readiness-link">
              {t('provision.basis.toolkit')}
            </Link>{' '}
            <span className="muted">{t('provision.basis.toolkitHint')}</span>
          </>
        ) : null}
      </p>
      <p>
        <Link to="/law?legalBasis=1">{t('provision.basis.all')}</Link>
      </p>
    </section>
  );
}

export default function ProvisionPage() {
  const { t } = useTranslation('law');
  const id = useParams().id ?? '';
  const catalogue = useCatalogue();
  const provision = catalogue.data?.provisions.find((p) => p.id === id);
  const category = catalogue.data?.categories.find((c) => c.id === provision?.category);
  useDocumentTitle(provision ? `${provision.id} ${provision.title}` : t('provision.title'));
  const back = (
    <Link to="/law" className="back-link">
      {t('provision.back')}
    </Link>
  );

  if (catalogue.status === 'failed' && !catalogue.data)
    return (
      <section>
        <LawNav />
        {back}
        <PageHeader title={t('provision.title')} />
        <Alert tone="error" title={describeError(t, catalogue.error).message} />
      </section>
    );
  if (!catalogue.data) return <Loading />;
  if (!provision)
    return (
      <section>
        <LawNav />
        {back}
        <PageHeader title={t('provision.title')} />
        <EmptyState title={t('provision.notFound', { id })} />
      </section>
    );

  return (
    <section data-provision={provision.id}>
      <LawNav />
      {back}
      <PageHeader
        title={
          <>
            <span className="law-id law-id--title">{provision.id}</span> {provision.title}
          </>
        }
        description={provision.summary}
      />
      <p className="law-meta">
        <span className="law-tag">{category?.title ?? provision.category}</span>
        {provision.legalBasis ? (
          <span className="law-tag law-tag--basis">{t('common.legalBasis')}</span>
        ) : null}
      </p>
      {provision.note ? (
        <Alert tone="info" title={t('provision.note')}>
          <p>{provision.note}</p>
        </Alert>
      ) : null}
      <References catalogue={catalogue.data} provision={provision} />
      <Checklist catalogue={catalogue.data} provision={provision} />
      <LegalBasis provision={provision} />
    </section>
  );
}
