import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../app/types';
import { languages } from '../../../i18n';
import { Select } from '../../../ui';
import { exportUrl, securityTxtUrl } from './api';
import { fieldId, issueText } from './fields';
import { exportFormats, type Preview, type SecurityTxtProblem } from './types';

interface PreviewPanelProps {
  projectId: string;
  preview: Preview | null;
  pending: boolean;
  lang: Locale;
  onLangChange(lang: Locale): void;
  /** Unsaved changes: the downloads still give the saved profile. */
  dirty: boolean;
  /** Whether the saved profile makes a valid security.txt (the server refuses one that is not). */
  securityTxtValid: boolean;
}

const tabs = ['document', 'securityTxt'] as const;
type Tab = (typeof tabs)[number];

function Problems({ problems }: { problems: readonly SecurityTxtProblem[] }) {
  const { t } = useTranslation('toolkit');
  if (problems.length === 0)
    return (
      <p className="rfc2350-ok" data-testid="security-txt-ok">
        {t('rfc2350.preview.securityTxtValid')}
      </p>
    );
  return (
    <ul className="rfc2350-problems" data-testid="security-txt-problems">
      {problems.map((p) => (
        <li key={`${p.field}-${p.message}`} className={`rfc2350-problems__${p.severity}`}>
          <span className="rfc2350-problems__severity">{t(`rfc2350.preview.${p.severity}`)}</span>{' '}
          <a href={`#${fieldId(p.field.replace(/\.\d+$/, ''))}`}>
            {t(`rfc2350.fields.${p.field.replace(/\.\d+$/, '')}.label`)}
          </a>
          {': '}
          {issueText(t, p)}
        </li>
      ))}
    </ul>
  );
}

/** Live preview (document and security.txt, as tabs) and the downloads of the saved profile. */
export function PreviewPanel({
  projectId,
  preview,
  pending,
  lang,
  onLangChange,
  dirty,
  securityTxtValid,
}: PreviewPanelProps) {
  const { t } = useTranslation('toolkit');
  const [tab, setTab] = useState<Tab>('document');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({
    document: null,
    securityTxt: null,
  });
  const onKey = (event: KeyboardEvent) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -9, End: 9 }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const rtl = document.dir === 'rtl' && Math.abs(step) === 1 ? -1 : 1;
    const index = Math.min(Math.max(tabs.indexOf(tab) + step * rtl, 0), tabs.length - 1);
    const next = tabs[index]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  };
  const text = tab === 'document' ? preview?.text : preview?.securityTxt.text;
  return (
    <aside className="rfc2350-preview" aria-labelledby="rfc2350-preview-title">
      <h2 id="rfc2350-preview-title" className="section-title">
        {t('rfc2350.preview.title')}
      </h2>
      <Select
        label={t('rfc2350.preview.language')}
        hint={t('rfc2350.preview.languageHint')}
        value={lang}
        onChange={(value) => onLangChange(value as Locale)}
        options={languages.map((l) => ({ value: l.code, label: l.nativeName, lang: l.code }))}
        data-testid="document-lang"
      />
      <div className="rfc2350-tabs" role="tablist" aria-label={t('rfc2350.preview.title')}>
        {tabs.map((name) => (
          <button
            key={name}
            ref={(node) => {
              tabRefs.current[name] = node;
            }}
            type="button"
            role="tab"
            id={`rfc2350-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="rfc2350-tabpanel"
            tabIndex={tab === name ? 0 : -1}
            className="rfc2350-tabs__tab"
            onClick={() => setTab(name)}
            onKeyDown={onKey}
            data-testid={`preview-tab-${name}`}
          >
            {t(`rfc2350.preview.${name}`)}
          </button>
        ))}
      </div>
      <div
        id="rfc2350-tabpanel"
        role="tabpanel"
        aria-labelledby={`rfc2350-tab-${tab}`}
        className="rfc2350-tabpanel"
      >
        {tab === 'securityTxt' && preview ? (
          <Problems problems={preview.securityTxt.problems} />
        ) : null}
        <pre
          className="rfc2350-preview__text"
          tabIndex={0}
          dir={tab === 'document' && lang === 'ar' ? 'rtl' : 'ltr'}
          aria-busy={pending || undefined}
          aria-label={t(`rfc2350.preview.${tab}`)}
          data-testid={`preview-${tab}`}
        >
          {text ?? t('common.loading')}
        </pre>
      </div>
      <section className="rfc2350-downloads" aria-labelledby="rfc2350-downloads-title">
        <h3 id="rfc2350-downloads-title" className="rfc2350-downloads__title">
          {t('rfc2350.downloads.title')}
        </h3>
        <p
          className={
            dirty
              ? 'rfc2350-downloads__note rfc2350-downloads__note--dirty'
              : 'rfc2350-downloads__note'
          }
        >
          {t(dirty ? 'rfc2350.downloads.unsaved' : 'rfc2350.downloads.saved')}
        </p>
        <ul className="rfc2350-downloads__list">
          {exportFormats.map((format) => (
            <li key={format}>
              <a
                className="btn btn--secondary"
                href={exportUrl(projectId, format, lang)}
                data-testid={`download-${format}`}
                {...(format === 'html' ? { target: '_blank', rel: 'noopener' } : { download: '' })}
              >
                {t(`rfc2350.downloads.${format}`)}
                {format === 'html' ? (
                  <span className="visually-hidden"> {t('rfc2350.downloads.newTab')}</span>
                ) : null}
              </a>
            </li>
          ))}
          <li>
            {securityTxtValid ? (
              <a
                className="btn btn--secondary"
                href={securityTxtUrl(projectId)}
                download=""
                data-testid="download-security-txt"
              >
                {t('rfc2350.downloads.securityTxt')}
              </a>
            ) : (
              <span className="rfc2350-downloads__unavailable" data-testid="download-security-txt">
                {t('rfc2350.downloads.securityTxtInvalid')}
              </span>
            )}
          </li>
        </ul>
      </section>
    </aside>
  );
}
