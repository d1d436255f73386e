import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '../../app/types';
import { languages } from '../../i18n';
import { Select, TextField } from '../../ui';
import { AsOfField } from './AsOfField';
import { formatPartialDate, isDay, localToday } from './format';
import { revisions } from './report';

const otherDay = 'other';

interface ReportControlsProps {
  asOf: string;
  onAsOf(day: string): void;
  compareTo: string;
  /** Whether the comparison day was chosen (else it follows the as-of day). */
  explicit: boolean;
  onCompareTo(day: string): void;
  lang: Locale;
  onLang(lang: Locale): void;
}

/** The report's day, its baseline (a revision of Resolution 58 or any day) and its language. */
export function ReportControls(props: ReportControlsProps) {
  const { asOf, onAsOf, compareTo, explicit, onCompareTo, lang, onLang } = props;
  const { t } = useTranslation();
  // "Another date" stays chosen even when the day typed happens to be a revision's.
  const [other, setOther] = useState(explicit && !revisions.includes(compareTo));
  const [draft, setDraft] = useState(compareTo);
  const options = [
    ...revisions.map((day) => ({
      value: day,
      label: t('registry.report.revision', { year: formatPartialDate(day.slice(0, 4)) }),
    })),
    { value: otherDay, label: t('registry.report.otherDate') },
  ];

  return (
    <div className="filters report-controls">
      <AsOfField value={asOf} onChange={onAsOf} />
      <Select
        label={t('registry.report.compareWith')}
        value={other ? otherDay : compareTo}
        options={options}
        data-testid="report-compare"
        onChange={(value) => {
          if (value === otherDay) {
            setOther(true);
            setDraft(compareTo);
            onCompareTo(compareTo);
            return;
          }
          setOther(false);
          onCompareTo(value);
        }}
      />
      {other ? (
        <TextField
          type="date"
          label={t('registry.report.compareDate')}
          min="1980-01-01"
          max={localToday()}
          value={draft}
          data-testid="report-compare-date"
          onChange={(day) => {
            setDraft(day);
            // Native date inputs report '' while a date is half typed: keep the last full day.
            if (isDay(day)) onCompareTo(day);
          }}
        />
      ) : null}
      <Select
        label={t('registry.report.language')}
        value={lang}
        options={languages.map((l) => ({ value: l.code, label: l.nativeName, lang: l.code }))}
        data-testid="report-lang"
        onChange={(value) => {
          if (isLocale(value)) onLang(value);
        }}
      />
    </div>
  );
}
