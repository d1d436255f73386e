import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Select, TextField } from '../../ui';
import { isUrl, type FieldErrors } from './fieldErrors';
import { isPartialDate, localToday } from './format';
import { confidences, type Citation, type Confidence } from './types';

/** The parts every recorded fact has: when, on what source, how sure, and a note. */
export interface FactDraft {
  date: string;
  sourceTitle: string;
  sourceUrl: string;
  confidence: Confidence;
  note: string;
}

export const emptyFact: FactDraft = {
  date: '',
  sourceTitle: '',
  sourceUrl: '',
  confidence: 'medium',
  note: '',
};

/** Checks a draft the way the API will, so most mistakes are caught before a round trip. */
export function checkFact(t: TFunction, draft: FactDraft, prefix: string): FieldErrors {
  const errors: FieldErrors = {};
  const date = draft.date.trim();
  if (!isPartialDate(date)) errors[`${prefix}date`] = t('registry.form.dateInvalid');
  else if (date > localToday()) errors[`${prefix}date`] = t('registry.form.dateFuture');
  const url = draft.sourceUrl.trim();
  if (url !== '' && !isUrl(url)) errors[`${prefix}citation.url`] = t('registry.form.urlInvalid');
  if (url === '' && draft.sourceTitle.trim() === '')
    errors[`${prefix}citation.title`] = t('registry.form.sourceMissing');
  return errors;
}

export function factCitation(draft: FactDraft): Citation {
  const citation: Citation = {};
  if (draft.sourceTitle.trim()) citation.title = draft.sourceTitle.trim();
  if (draft.sourceUrl.trim()) citation.url = draft.sourceUrl.trim();
  return citation;
}

interface FactFieldsProps {
  draft: FactDraft;
  onChange(draft: FactDraft): void;
  errors: FieldErrors;
  /** Where the API puts these fields: '' for a fact, 'established.' for a new team. */
  prefix: string;
  dateLabel: string;
}

export function FactFields({ draft, onChange, errors, prefix, dateLabel }: FactFieldsProps) {
  const { t } = useTranslation();
  const set = (change: Partial<FactDraft>) => onChange({ ...draft, ...change });
  return (
    <>
      <TextField
        label={dateLabel}
        hint={t('registry.form.dateHint')}
        dir="ltr"
        inputMode="numeric"
        autoComplete="off"
        required
        value={draft.date}
        onChange={(date) => set({ date })}
        error={errors[`${prefix}date`]}
      />
      <TextField
        label={t('registry.form.sourceTitle')}
        hint={t('registry.form.sourceHint')}
        value={draft.sourceTitle}
        onChange={(sourceTitle) => set({ sourceTitle })}
        error={errors[`${prefix}citation.title`] ?? errors[`${prefix}citation`]}
      />
      <TextField
        label={t('registry.form.sourceUrl')}
        type="url"
        dir="ltr"
        autoComplete="off"
        value={draft.sourceUrl}
        onChange={(sourceUrl) => set({ sourceUrl })}
        error={errors[`${prefix}citation.url`]}
      />
      <Select
        label={t('registry.form.confidence')}
        hint={t(`registry.confidenceHint.${draft.confidence}`)}
        value={draft.confidence}
        onChange={(confidence) => set({ confidence: confidence as Confidence })}
        options={confidences.map((c) => ({ value: c, label: t(`registry.confidence.${c}`) }))}
        error={errors[`${prefix}confidence`]}
      />
      <TextField
        label={t('registry.form.note')}
        hint={t('registry.form.noteHint')}
        value={draft.note}
        onChange={(note) => set({ note })}
        error={errors[`${prefix}note`]}
      />
    </>
  );
}
