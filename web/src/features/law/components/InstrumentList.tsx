import { useTranslation } from 'react-i18next';
import { formatDay } from '../format';
import type { Instrument, LawCatalogue } from '../types';

const confidenceTone = { high: 'success', medium: 'warning', low: 'danger' } as const;

function Dates({ instrument: i }: { instrument: Instrument }) {
  const { t } = useTranslation('law');
  const dates: Array<[string, string | undefined]> = [
    ['adopted', i.adopted],
    ['openedForSignature', i.openedForSignature],
    ['inForce', i.inForce],
  ];
  const known = dates.filter((d): d is [string, string] => d[1] !== undefined);
  if (known.length === 0 && !i.datesNote) return null;
  return (
    <>
      {known.map(([key, day]) => (
        <div key={key}>
          <dt>{t(`catalogue.instruments.${key}`)}</dt>
          <dd>{formatDay(day)}</dd>
        </div>
      ))}
      {i.datesNote ? (
        <div>
          <dt>{t('catalogue.instruments.dates')}</dt>
          <dd>{i.datesNote}</dd>
        </div>
      ) : null}
    </>
  );
}

function InstrumentCard({ instrument: i }: { instrument: Instrument }) {
  const { t } = useTranslation('law');
  return (
    <li className="law-instrument" id={`instrument-${i.id}`} data-instrument={i.id}>
      <h3 className="law-instrument__name">
        {i.shortName}
        <span className="law-tag">{t(`common.natures.${i.nature}`)}</span>
        <span className="law-tag">
          {t(i.binding ? 'catalogue.instruments.binding' : 'catalogue.instruments.notBinding')}
        </span>
      </h3>
      <p className="law-instrument__title">
        <a href={i.url} target="_blank" rel="noopener noreferrer">
          {i.title}
          <span className="visually-hidden"> {t('common.newTab')}</span>
        </a>
      </p>
      <dl className="law-instrument__facts">
        <div>
          <dt>{t('catalogue.instruments.scope')}</dt>
          <dd>{i.scope}</dd>
        </div>
        <Dates instrument={i} />
        <div>
          <dt>{t('catalogue.instruments.confidence')}</dt>
          <dd>
            <span className={`badge badge--${confidenceTone[i.referenceConfidence]}`}>
              {t(`common.confidence.${i.referenceConfidence}`)}
            </span>
            {i.confidenceNote ? <span className="law-note"> {i.confidenceNote}</span> : null}
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** The instruments: what each is, its dates, and how far its numbers were checked. */
export function InstrumentList({ catalogue }: { catalogue: LawCatalogue }) {
  const { t } = useTranslation('law');
  const mapped = catalogue.instruments.filter((i) => i.mapped);
  const listed = catalogue.instruments.filter((i) => !i.mapped);
  return (
    <section aria-labelledby="instruments-heading" className="law-section">
      <h2 id="instruments-heading" className="section-title">
        {t('catalogue.instruments.title')}
      </h2>
      <p className="muted law-measure">{t('catalogue.instruments.intro')}</p>
      <ul className="law-instruments">
        {mapped.map((i) => (
          <InstrumentCard key={i.id} instrument={i} />
        ))}
      </ul>
      {listed.length > 0 ? (
        <>
          <h3 className="law-subtitle">{t('catalogue.instruments.listedTitle')}</h3>
          <p className="muted law-measure">{t('catalogue.instruments.listedIntro')}</p>
          <ul className="law-instruments">
            {listed.map((i) => (
              <InstrumentCard key={i.id} instrument={i} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
