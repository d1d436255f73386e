import { useTranslation } from 'react-i18next';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { getGuidance, type GuidanceTargetType } from '../content';

/**
 * Best-practice guidance written for one question, parameter or service, shown beside it.
 * Each paragraph is the project's own advice; the citations say where to read more.
 */
export function GuidancePanel({ type, id }: { type: GuidanceTargetType; id: string }) {
  const { t } = useTranslation('toolkit');
  const lang = currentLocale();
  const guidance = useResource(() => getGuidance(lang, `${type}:${id}`), [lang, type, id]);
  const data = guidance.data;
  const sources = new Map((data?.sources ?? []).map((s) => [s.id, s]));
  return (
    <aside className="toolkit-guidance" aria-label={t('core.guidance.title')}>
      <h3 className="toolkit-guidance__title">{t('core.guidance.title')}</h3>
      {!data ? null : data.entries.length === 0 ? (
        <p className="toolkit-guidance__none">{t('core.guidance.none')}</p>
      ) : (
        data.entries.map((entry) => (
          <section key={entry.id} className="toolkit-guidance__entry">
            <h4>{entry.title}</h4>
            {entry.text.map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
            <p className="toolkit-guidance__sources">
              {t('core.guidance.sources')}{' '}
              {entry.citations.map((c, i) => {
                const source = sources.get(c.source);
                return (
                  <span key={`${c.source}-${i}`}>
                    {i > 0 ? '; ' : ''}
                    {source ? (
                      <a href={source.url} target="_blank" rel="noreferrer noopener">
                        {source.publisher}, {source.title} ({source.year})
                      </a>
                    ) : (
                      c.source
                    )}
                    {c.locator ? `, ${c.locator}` : ''}
                  </span>
                );
              })}
            </p>
          </section>
        ))
      )}
    </aside>
  );
}
