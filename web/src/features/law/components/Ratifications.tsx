import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { formatDateTime } from '../../../app/format';
import { useResource } from '../../../app/useResource';
import { Alert, Badge, Button, Dialog, Loading, Select, Table, TextField } from '../../../ui';
import { ratificationHistory, saveRatification } from '../api';
import type { FieldIssue } from '../fieldErrors';
import { formatDay } from '../format';
import { ratificationTone } from '../states';
import {
  ratificationStatuses,
  type Instrument,
  type LawCatalogue,
  type Ratification,
  type RatificationStatus,
} from '../types';
import { filled, issuesOf, TextAreaField, useFocusFirstProblem, useIssueText } from './fields';

/** Only treaties and protocols are signed, ratified or acceded to (as the server says). */
const ratifiable = (i: Instrument) => i.nature === 'treaty' || i.nature === 'protocol';

function StatusBadge({ status }: { status: RatificationStatus | undefined }) {
  const { t } = useTranslation('law');
  if (!status) return <span className="muted">{t('ratifications.notRecorded')}</span>;
  return <Badge tone={ratificationTone[status]}>{t(`common.ratification.${status}`)}</Badge>;
}

function History({
  iso3,
  instrument,
  version,
}: {
  iso3: string;
  instrument: string;
  version?: string;
}) {
  const { t } = useTranslation('law');
  const history = useResource(
    () => ratificationHistory(iso3, instrument),
    [iso3, instrument, version],
  );
  if (history.status === 'failed')
    return <Alert tone="error" title={describeError(t, history.error).message} />;
  if (!history.data) return <Loading />;
  if (history.data.length === 0) return <p className="muted">{t('country.history.empty')}</p>;
  return (
    <ol className="law-history__list" data-testid="ratification-history">
      {history.data.map((r, i) => (
        <li key={`${r.recordedAt}-${i}`} className="law-history__item">
          <p className="law-history__meta">
            {t('country.history.by', { who: r.recordedBy, when: formatDateTime(r.recordedAt) })}
          </p>
          <p className="law-history__what">
            <StatusBadge status={r.status} /> {r.date ? formatDay(r.date) : ''}{' '}
            {r.source ? <bdi>{r.source}</bdi> : null}
          </p>
          {r.notes ? <p className="law-history__notes">{r.notes}</p> : null}
        </li>
      ))}
    </ol>
  );
}

interface Draft {
  status: RatificationStatus;
  date: string;
  source: string;
  sourceUrl: string;
  notes: string;
}

function RatificationDialog({
  iso3,
  instrument,
  current,
  canEdit,
  onClose,
  onSaved,
}: {
  iso3: string;
  instrument: Instrument;
  current: Ratification | undefined;
  canEdit: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t } = useTranslation('law');
  const issueText = useIssueText();
  const [draft, setDraft] = useState<Draft>({
    status: current?.status ?? 'none',
    date: current?.date ?? '',
    source: current?.source ?? '',
    sourceUrl: current?.sourceUrl ?? '',
    notes: current?.notes ?? '',
  });
  const [issues, setIssues] = useState<Record<string, FieldIssue>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { container: fieldsRef, refused } = useFocusFirstProblem<HTMLDivElement>();
  const set = (field: keyof Draft) => (value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setIssues(({ [field]: _, ...rest }) => rest);
  };

  async function submit() {
    setBusy(true);
    setFailure(null);
    try {
      const { status, ...rest } = draft;
      await saveRatification(iso3, instrument.id, { status, ...filled(rest) });
      onSaved();
    } catch (error) {
      const found = issuesOf(error);
      setIssues(found);
      refused();
      setFailure(
        Object.keys(found).length > 0 ? t('common.fixFields') : describeError(t, error).message,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open
      title={t('ratifications.dialogTitle', { instrument: instrument.shortName })}
      onClose={onClose}
      onSubmit={canEdit ? () => void submit() : undefined}
      testId="ratification-dialog"
      footer={
        canEdit ? (
          <>
            <Button type="submit" variant="primary" busy={busy}>
              {t('common.save')}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </>
        ) : (
          <Button onClick={onClose}>{t('common.close')}</Button>
        )
      }
    >
      <p className="muted">{instrument.title}</p>
      {canEdit ? (
        <div ref={fieldsRef}>
          {failure ? <Alert tone="error" title={failure} /> : null}
          <Select
            label={t('ratifications.columns.status')}
            value={draft.status}
            onChange={set('status')}
            error={issueText(issues.status)}
            options={ratificationStatuses.map((s) => ({
              value: s,
              label: t(`common.ratification.${s}`),
            }))}
          />
          <TextField
            type="date"
            label={t('ratifications.columns.date')}
            hint={t('ratifications.dateHint')}
            value={draft.date}
            onChange={set('date')}
            error={issueText(issues.date)}
          />
          <TextField
            label={t('ratifications.columns.source')}
            hint={t('ratifications.sourceHint')}
            value={draft.source}
            onChange={set('source')}
            error={issueText(issues.source)}
            maxLength={300}
          />
          <TextField
            type="url"
            dir="ltr"
            label={t('ratifications.sourceUrl')}
            value={draft.sourceUrl}
            onChange={set('sourceUrl')}
            error={issueText(issues.sourceUrl)}
          />
          <TextAreaField
            label={t('country.form.notes')}
            value={draft.notes}
            onChange={set('notes')}
            error={issueText(issues.notes)}
          />
        </div>
      ) : null}
      <h3 className="law-history__title">{t('ratifications.historyTitle')}</h3>
      <History iso3={iso3} instrument={instrument.id} version={current?.recordedAt} />
    </Dialog>
  );
}

/** The country's signature, ratification or accession of each treaty and protocol. */
export function Ratifications({
  iso3,
  catalogue,
  ratifications,
  canEdit,
  onSaved,
}: {
  iso3: string;
  catalogue: LawCatalogue;
  ratifications: Ratification[];
  canEdit: boolean;
  onSaved(): void;
}) {
  const { t } = useTranslation('law');
  const [open, setOpen] = useState<string | null>(null);
  const recorded = new Map(ratifications.map((r) => [r.instrument, r]));
  const instruments = catalogue.instruments.filter((i) => ratifiable(i) || recorded.has(i.id));
  const chosen = instruments.find((i) => i.id === open);
  return (
    <section aria-labelledby="ratifications-heading" className="law-section">
      <h2 id="ratifications-heading" className="section-title">
        {t('ratifications.title')}
      </h2>
      <p className="muted law-measure">{t('ratifications.intro')}</p>
      <Table
        caption={t('ratifications.caption')}
        captionHidden
        columns={[
          { key: 'instrument', label: t('ratifications.columns.instrument') },
          { key: 'status', label: t('ratifications.columns.status') },
          { key: 'date', label: t('ratifications.columns.date') },
          { key: 'source', label: t('ratifications.columns.source') },
          { key: 'actions', label: t('ratifications.columns.actions'), visuallyHidden: true },
        ]}
      >
        {instruments.map((i) => {
          const r = recorded.get(i.id);
          return (
            <tr key={i.id} data-instrument={i.id}>
              <th scope="row">
                {i.shortName}
                <span className="law-row-note">{i.title}</span>
              </th>
              <td data-testid="ratification-status" className="law-status-cell">
                <StatusBadge status={r?.status} />
              </td>
              <td className="cell--nowrap">{formatDay(r?.date)}</td>
              <td>
                {r?.sourceUrl ? (
                  <a href={r.sourceUrl} target="_blank" rel="noopener noreferrer">
                    <bdi>{r.source ?? r.sourceUrl}</bdi>
                    <span className="visually-hidden"> {t('common.newTab')}</span>
                  </a>
                ) : r?.source ? (
                  <bdi>{r.source}</bdi>
                ) : null}
              </td>
              <td className="cell--actions">
                {canEdit || r ? (
                  <Button
                    variant={canEdit ? 'secondary' : 'quiet'}
                    onClick={() => setOpen(i.id)}
                    data-testid="ratification-open"
                  >
                    {t(canEdit ? 'ratifications.edit' : 'ratifications.details')}
                    <span className="visually-hidden"> {i.shortName}</span>
                  </Button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </Table>
      {chosen ? (
        <RatificationDialog
          key={chosen.id}
          iso3={iso3}
          instrument={chosen}
          current={recorded.get(chosen.id)}
          canEdit={canEdit}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            onSaved();
          }}
        />
      ) : null}
    </section>
  );
}
