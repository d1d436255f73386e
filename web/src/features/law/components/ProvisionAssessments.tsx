import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Select } from '../../../ui';
import { formatDay } from '../format';
import type { Assessment, LawCatalogue, Provision, ProvisionState } from '../types';
import { AssessmentEditor, AssessmentHistory } from './AssessmentEditor';
import { StateMark } from './marks';

const views = ['all', 'gaps', 'not-assessed', 'assessed'] as const;
type View = (typeof views)[number];

const inView = (view: View, state: ProvisionState) =>
  view === 'all' ||
  (view === 'gaps' && state !== 'enacted' && state !== 'not-applicable') ||
  (view === 'not-assessed' && state === 'not-assessed') ||
  (view === 'assessed' && state !== 'not-assessed');

/** What the national law says, in one line: "Computer Misuse Act, s. 4 · 1 May 2018". */
function LawLine({ assessment }: { assessment: Assessment | undefined }) {
  const { t } = useTranslation('law');
  if (!assessment?.lawTitle) return null;
  const parts = [
    assessment.article
      ? t('country.provisions.lawArticle', {
          law: assessment.lawTitle,
          article: assessment.article,
        })
      : assessment.lawTitle,
    assessment.adoptedOn ? formatDay(assessment.adoptedOn) : null,
  ].filter(Boolean);
  return (
    <p className="law-prov__law" data-testid="law-line">
      {assessment.link ? (
        <a href={assessment.link} target="_blank" rel="noopener noreferrer">
          <bdi>{parts.join(' · ')}</bdi>
          <span className="visually-hidden"> {t('common.newTab')}</span>
        </a>
      ) : (
        <bdi>{parts.join(' · ')}</bdi>
      )}
    </p>
  );
}

function ProvisionItem({
  iso3,
  provision,
  assessment,
  canEdit,
  onSaved,
}: {
  iso3: string;
  provision: Provision;
  assessment: Assessment | undefined;
  canEdit: boolean;
  onSaved(assessment: Assessment): void;
}) {
  const { t } = useTranslation('law');
  const [open, setOpen] = useState<'edit' | 'history' | null>(null);
  const [saved, setSaved] = useState(false);
  const state: ProvisionState = assessment?.status ?? 'not-assessed';
  const panelId = `prov-${provision.id}-panel`;
  const toggle = (panel: 'edit' | 'history') => {
    setSaved(false);
    setOpen((current) => (current === panel ? null : panel));
  };
  return (
    <li className="law-prov" data-provision={provision.id} data-state={state}>
      <div className="law-prov__row">
        <div className="law-prov__what">
          <h4 className="law-prov__title">
            <Link to={`/law/provisions/${provision.id}`}>
              <span className="law-id">{provision.id}</span> {provision.title}
            </Link>
          </h4>
          <LawLine assessment={assessment} />
          {assessment?.notes ? <p className="law-prov__notes">{assessment.notes}</p> : null}
        </div>
        <div className="law-prov__state" data-testid="provision-state">
          <StateMark state={state} />
        </div>
        <div className="law-prov__actions">
          {canEdit ? (
            <button
              type="button"
              className="btn btn--secondary"
              aria-expanded={open === 'edit'}
              aria-controls={panelId}
              onClick={() => toggle('edit')}
              data-testid="provision-edit"
            >
              {t('country.provisions.edit')}
              <span className="visually-hidden"> {provision.id}</span>
            </button>
          ) : null}
          {assessment ? (
            <button
              type="button"
              className="btn btn--quiet"
              aria-expanded={open === 'history'}
              aria-controls={panelId}
              onClick={() => toggle('history')}
              data-testid="provision-history"
            >
              {t('country.provisions.history')}
              <span className="visually-hidden"> {provision.id}</span>
            </button>
          ) : null}
        </div>
      </div>
      {saved ? (
        <p className="law-prov__saved" role="status">
          {t('country.provisions.saved', { id: provision.id, state: t(`common.states.${state}`) })}
        </p>
      ) : null}
      <div id={panelId} hidden={open === null}>
        {open === 'edit' ? (
          <AssessmentEditor
            iso3={iso3}
            provision={provision}
            assessment={assessment}
            onCancel={() => setOpen(null)}
            onSaved={(next) => {
              setOpen(null);
              setSaved(true);
              onSaved(next);
            }}
          />
        ) : open === 'history' ? (
          <AssessmentHistory
            iso3={iso3}
            provision={provision.id}
            version={assessment?.assessedAt}
          />
        ) : null}
      </div>
    </li>
  );
}

/** Every provision, by category, with the country's status, its edit form and history. */
export function ProvisionAssessments({
  iso3,
  catalogue,
  assessments,
  canEdit,
  onSaved,
}: {
  iso3: string;
  catalogue: LawCatalogue;
  assessments: Assessment[];
  canEdit: boolean;
  onSaved(assessment: Assessment): void;
}) {
  const { t } = useTranslation('law');
  const [view, setView] = useState<View>('all');
  const byProvision = new Map(assessments.map((a) => [a.provision, a]));
  const stateOf = (id: string): ProvisionState => byProvision.get(id)?.status ?? 'not-assessed';
  const groups = catalogue.categories
    .map((category) => ({
      category,
      provisions: catalogue.provisions.filter(
        (p) => p.category === category.id && inView(view, stateOf(p.id)),
      ),
    }))
    .filter((g) => g.provisions.length > 0);

  return (
    <section aria-labelledby="provisions-heading" className="law-section">
      <h2 id="provisions-heading" className="section-title">
        {t('country.provisions.title')}
      </h2>
      <p className="muted law-measure">
        {t(canEdit ? 'country.provisions.introEdit' : 'country.provisions.intro')}
      </p>
      <div className="law-inline-filter">
        <Select
          label={t('country.provisions.show')}
          value={view}
          onChange={(value) => setView(value as View)}
          options={views.map((v) => ({ value: v, label: t(`country.provisions.views.${v}`) }))}
          data-testid="provisions-view"
        />
      </div>
      {groups.length === 0 ? <p className="muted">{t('country.provisions.none')}</p> : null}
      {groups.map(({ category, provisions }) => (
        <section
          key={category.id}
          className="law-prov-group"
          aria-labelledby={`cat-${category.id}`}
          data-category={category.id}
        >
          <h3 id={`cat-${category.id}`} className="law-prov-group__title">
            {category.title}
          </h3>
          <ul className="law-prov-list">
            {provisions.map((p) => (
              <ProvisionItem
                key={p.id}
                iso3={iso3}
                provision={p}
                assessment={byProvision.get(p.id)}
                canEdit={canEdit}
                onSaved={onSaved}
              />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
