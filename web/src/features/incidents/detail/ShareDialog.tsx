import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useResource } from '../../../app/useResource';
import { Alert, Button, Checkbox, Dialog, Select, TextField } from '../../../ui';
import { listCollections, previewIncidentShare, shareIncident } from '../../exchange/api';
import type { ShareChoice, ShareDone, SharePreview } from '../../exchange/types';
import { splitError } from '../components/errors';
import { TextArea } from '../components/TextArea';
import { tlpLevels, type Observable, type Tlp } from '../types';
import { useIncident } from './context';

interface ShareDialogProps {
  open: boolean;
  onClose(): void;
  observables: Observable[];
}

/** A short label for one STIX object in the preview list. */
function objectLabel(o: SharePreview['objects'][number]): string {
  for (const key of ['name', 'value', 'number']) {
    const v = o[key];
    if (typeof v === 'string' || typeof v === 'number') return String(v);
  }
  const hashes = o.hashes;
  if (hashes && typeof hashes === 'object') return Object.values(hashes).map(String).join(' ');
  return o.id;
}

/**
 * "Share this incident": the analyst chooses the collection, the TLP, a title and a summary in
 * their own words, and which observables go; the preview shows exactly the STIX objects that
 * would leave, what stays home and why, and which peers would receive it. Sharing stores those
 * very objects. Observables a constituent owns (the victim's own assets) start unticked.
 */
export function ShareDialog({ open, onClose, observables }: ShareDialogProps) {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const { incident, reference, refresh } = useIncident();
  const collections = useResource(() => listCollections(), [open]);
  const rsitType = reference.rsit
    .find((c) => c.id === incident.rsitClass)
    ?.types.find((type) => type.id === incident.rsitType);
  const rsitClass = reference.rsit.find((c) => c.id === incident.rsitClass);
  const [collectionId, setCollectionId] = useState('');
  const [tlp, setTlp] = useState<Tlp>(incident.tlp);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [chosen, setChosen] = useState<Set<string> | null>(null);
  const [indicators, setIndicators] = useState(true);
  const [preview, setPreview] = useState<SharePreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'preview' | 'share' | null>(null);
  const [done, setDone] = useState<ShareDone | null>(null);
  /** Observables a constituent owns (id → owners), as the first preview told. */
  const [ownedNote, setOwnedNote] = useState(new Map<string, string>());

  // Each opening starts afresh: the incident's TLP, a title that names no one, the default choice.
  useEffect(() => {
    if (!open) return;
    setTlp(incident.tlp);
    const kind = rsitType?.name ?? rsitClass?.name;
    setTitle(kind ? t('detail.share.defaultTitle', { kind }) : t('detail.share.defaultTitlePlain'));
    setSummary('');
    setChosen(null);
    setIndicators(true);
    setPreview(null);
    setFailure(null);
    setDone(null);
    setOwnedNote(new Map());
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);
  useEffect(() => {
    const first = collections.data?.[0];
    if (open && first && !collectionId) setCollectionId(first.id);
  }, [open, collections.data, collectionId]);

  const choice = (): ShareChoice => ({
    collectionId,
    tlp,
    title,
    summary,
    indicators,
    ...(chosen ? { observableIds: [...chosen] } : {}),
  });

  async function runPreview() {
    setBusy('preview');
    setFailure(null);
    try {
      const answer = await previewIncidentShare(incident.id, choice());
      setPreview(answer);
      // The first preview tells which observables the server left out: tick the others.
      if (chosen === null) {
        const out = new Set(answer.leftOut.map((l) => l.observableId));
        setChosen(new Set(observables.filter((o) => !out.has(o.id)).map((o) => o.id)));
      }
    } catch (e) {
      setFailure(splitError(t, tApp, e).form);
    } finally {
      setBusy(null);
    }
  }

  // Preview as soon as a collection is known, so the owners of observables show at once.
  useEffect(() => {
    if (open && collectionId && preview === null && chosen === null && busy === null)
      void runPreview();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, collectionId]);

  async function share() {
    if (!preview) return;
    setBusy('share');
    setFailure(null);
    try {
      setDone(await shareIncident(incident.id, choice(), preview.at));
      refresh();
    } catch (e) {
      setFailure(splitError(t, tApp, e).form);
    } finally {
      setBusy(null);
    }
  }

  const changed =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPreview(null);
    };
  const owners = new Map(
    (preview?.leftOut ?? [])
      .filter((l) => l.reason === 'owned-by-constituent')
      .map((l) => [l.observableId, l.detail ?? '']),
  );
  useEffect(() => {
    if (owners.size > 0) setOwnedNote(owners);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preview]);

  const noCollection = collections.status === 'ready' && (collections.data ?? []).length === 0;
  return (
    <Dialog
      open={open}
      title={t('detail.share.title')}
      onClose={onClose}
      onSubmit={() => void share()}
      testId="share-dialog"
      footer={
        done || noCollection ? (
          <Button variant="primary" onClick={onClose}>
            {t('detail.share.close')}
          </Button>
        ) : (
          <>
            <Button
              type="submit"
              variant="primary"
              busy={busy === 'share'}
              disabled={preview === null}
              data-testid="share-confirm"
            >
              {t('detail.share.confirm')}
            </Button>
            <Button
              busy={busy === 'preview'}
              onClick={() => void runPreview()}
              data-testid="share-preview"
            >
              {t('detail.share.preview')}
            </Button>
            <Button variant="quiet" onClick={onClose}>
              {tApp('common.cancel')}
            </Button>
          </>
        )
      }
    >
      {done ? (
        <Alert
          tone="success"
          title={t('detail.share.done', { collection: done.collectionTitle })}
          testId="share-done"
        >
          <p>
            {done.recipients.length > 0
              ? t('detail.share.doneRecipients', { peers: done.recipients.join(', ') })
              : t('detail.share.noRecipients')}
          </p>
          <Link
            to={`/exchange/collections/${encodeURIComponent(done.collectionId)}/objects/${encodeURIComponent(done.reportId)}`}
          >
            {t('detail.share.openReport')}
          </Link>
        </Alert>
      ) : noCollection ? (
        <Alert tone="info" title={t('detail.share.noCollection')}>
          <Link to="/exchange">{t('detail.share.toExchange')}</Link>
        </Alert>
      ) : (
        <>
          <p className="share-intro">{t('detail.share.intro')}</p>
          {failure ? <Alert tone="error" title={failure} testId="share-error" /> : null}
          <div className="share-grid">
            <Select
              label={t('detail.share.collection')}
              value={collectionId}
              onChange={changed(setCollectionId)}
              options={(collections.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            />
            <Select
              label={t('detail.share.tlp')}
              value={tlp}
              onChange={changed((v: string) => setTlp(v as Tlp))}
              options={tlpLevels.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))}
            />
          </div>
          <TextField
            label={t('detail.share.reportTitle')}
            hint={t('detail.share.reportTitleHint')}
            value={title}
            onChange={changed(setTitle)}
          />
          <TextArea
            id="share-summary"
            label={t('detail.share.summary')}
            hint={t('detail.share.summaryHint')}
            value={summary}
            rows={3}
            onChange={changed(setSummary)}
          />
          <fieldset className="share-observables">
            <legend className="field__label">{t('detail.share.observables')}</legend>
            {observables.length === 0 ? (
              <p className="incident-muted">{t('detail.share.noObservables')}</p>
            ) : (
              observables.map((o) => (
                <Checkbox
                  key={o.id}
                  id={`share-observable-${o.id}`}
                  label={<span dir="ltr">{o.value}</span>}
                  hint={
                    ownedNote.has(o.id)
                      ? t('detail.share.owned', { owners: ownedNote.get(o.id) })
                      : undefined
                  }
                  checked={chosen ? chosen.has(o.id) : !ownedNote.has(o.id)}
                  onChange={(checked) => {
                    const next = new Set(
                      chosen ?? observables.filter((x) => !ownedNote.has(x.id)).map((x) => x.id),
                    );
                    if (checked) next.add(o.id);
                    else next.delete(o.id);
                    setChosen(next);
                    setPreview(null);
                  }}
                />
              ))
            )}
          </fieldset>
          <Checkbox
            id="share-indicators"
            label={t('detail.share.indicators')}
            hint={t('detail.share.indicatorsHint')}
            checked={indicators}
            onChange={changed(setIndicators)}
          />
          {preview ? <PreviewBlock preview={preview} /> : null}
        </>
      )}
    </Dialog>
  );
}

function PreviewBlock({ preview }: { preview: SharePreview }) {
  const { t } = useTranslation('incidents');
  return (
    <section
      className="share-preview"
      aria-labelledby="share-preview-title"
      data-testid="share-preview-block"
    >
      <h3 id="share-preview-title" className="share-preview__title">
        {t('detail.share.previewTitle', { total: preview.objects.length })}
      </h3>
      {preview.warnings.map((w) => (
        <Alert key={w} tone="warning" title={t(`detail.share.warnings.${w}`)} />
      ))}
      <p data-testid="share-recipients">
        {preview.recipients.length > 0
          ? t('detail.share.recipients', {
              peers: preview.recipients.map((p) => p.name).join(', '),
            })
          : t('detail.share.noRecipients')}
      </p>
      <ul className="share-objects">
        {preview.objects.map((o) => (
          <li key={o.id} data-type={o.type}>
            <span className="share-objects__type">{o.type}</span>{' '}
            <span dir="ltr">{objectLabel(o)}</span>
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('detail.share.json')}</summary>
        <pre className="share-json" dir="ltr" tabIndex={0}>
          {JSON.stringify(preview.objects, null, 2)}
        </pre>
      </details>
    </section>
  );
}
