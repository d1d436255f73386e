import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../../app/api';
import { formatDateTime } from '../../../app/format';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { Alert, Badge, Button, Loading, PageHeader, Table } from '../../../ui';
import { splitError } from '../components/errors';
import '../../../ui/theme-incidents.css';

interface MailStatus {
  configured: boolean;
  mailbox: { host: string; port: number; secure: boolean; user: string; path: string } | null;
  pollSeconds: number | null;
  polling: boolean;
  lastPollAt: string | null;
  lastError: string | null;
  counts: Record<string, number>;
}
interface InboundMessage {
  id: string;
  status: string;
  subject: string | null;
  from: string | null;
  error: string | null;
  size: number;
  receivedAt: string;
}

/**
 * The intake mailbox (incidents.manage): whether it is configured, the last poll, polling now,
 * and the messages the intake could not read, each with its raw download and two actions.
 */
export default function MailboxPage() {
  const { t } = useTranslation('incidents');
  const { t: tApp } = useTranslation();
  const [generation, setGeneration] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{
    tone: 'success' | 'error';
    text: string;
    link?: string;
  } | null>(null);
  useDocumentTitle(t('mailbox.title'));
  const status = useResource(() => api.get<MailStatus>('/api/mail/status'), [generation]);
  const unparsed = useResource(
    () => api.get<{ items: InboundMessage[] }>('/api/mail/messages?status=unparsed'),
    [generation],
  );

  async function run(key: string, work: () => Promise<{ text: string; link?: string }>) {
    setBusy(key);
    setNotice(null);
    try {
      setNotice({ tone: 'success', ...(await work()) });
      setGeneration((g) => g + 1);
    } catch (e) {
      setNotice({ tone: 'error', text: splitError(t, tApp, e).form });
    } finally {
      setBusy(null);
    }
  }

  const header = (
    <PageHeader
      title={t('mailbox.title')}
      description={t('mailbox.intro')}
      actions={
        status.data?.configured ? (
          <Button
            variant="primary"
            busy={busy === 'poll'}
            onClick={() =>
              void run('poll', async () => {
                const report = await api.post<{ stored: number; error: string | null }>(
                  '/api/mail/poll',
                );
                if (report.error) throw new Error(report.error);
                return { text: t('mailbox.polled', { count: report.stored }) };
              })
            }
          >
            {t('mailbox.pollNow')}
          </Button>
        ) : null
      }
    />
  );
  if (!status.data || !unparsed.data) {
    return (
      <>
        {header}
        {status.status === 'failed' || unparsed.status === 'failed' ? (
          <Alert tone="error" title={splitError(t, tApp, status.error ?? unparsed.error).form} />
        ) : (
          <Loading />
        )}
      </>
    );
  }
  const s = status.data;
  const items = unparsed.data.items;
  return (
    <>
      {header}
      {notice ? (
        <Alert tone={notice.tone} title={notice.text}>
          {notice.link ? <Link to={notice.link}>{t('mailbox.openIncident')}</Link> : null}
        </Alert>
      ) : null}
      <section className="incident-card" aria-labelledby="mailbox-status-title">
        <h2 id="mailbox-status-title" className="incident-card__title">
          {t('mailbox.status.title')}
        </h2>
        {s.configured && s.mailbox ? (
          <dl className="incident-facts">
            <dt>{t('mailbox.status.mailbox')}</dt>
            <dd>
              <span dir="ltr">
                {s.mailbox.user}@{s.mailbox.host}:{s.mailbox.port}/{s.mailbox.path}
              </span>
              {s.mailbox.secure ? '' : ` (${t('mailbox.status.plain')})`}
            </dd>
            <dt>{t('mailbox.status.every')}</dt>
            <dd>{t('mailbox.status.seconds', { count: s.pollSeconds ?? 0 })}</dd>
            <dt>{t('mailbox.status.lastPoll')}</dt>
            <dd>{s.lastPollAt ? formatDateTime(s.lastPollAt) : t('mailbox.status.never')}</dd>
            <dt>{t('mailbox.status.counts')}</dt>
            <dd>
              {t('mailbox.status.countsText', {
                created: s.counts.created ?? 0,
                threaded: s.counts.threaded ?? 0,
                unparsed: s.counts.unparsed ?? 0,
              })}
            </dd>
          </dl>
        ) : (
          <p>{t('mailbox.status.notConfigured')}</p>
        )}
        {s.lastError ? (
          <Alert tone="warning" title={t('mailbox.status.lastError')}>
            {s.lastError}
          </Alert>
        ) : null}
      </section>
      <section className="incident-card" aria-labelledby="mailbox-unparsed-title">
        <h2 id="mailbox-unparsed-title" className="incident-card__title">
          {t('mailbox.unparsed.title')}
        </h2>
        <p className="incident-card__intro">{t('mailbox.unparsed.intro')}</p>
        {items.length === 0 ? (
          <p>{t('mailbox.unparsed.none')}</p>
        ) : (
          <Table
            caption={t('mailbox.unparsed.title')}
            captionHidden
            columns={[
              { key: 'received', label: t('mailbox.unparsed.received') },
              { key: 'from', label: t('mailbox.unparsed.from') },
              { key: 'subject', label: t('mailbox.unparsed.subject') },
              { key: 'error', label: t('mailbox.unparsed.error') },
              { key: 'actions', label: t('mailbox.unparsed.actions'), visuallyHidden: true },
            ]}
          >
            {items.map((m) => (
              <tr key={m.id}>
                <td>{formatDateTime(m.receivedAt)}</td>
                <td dir="ltr">{m.from ?? '—'}</td>
                <td>{m.subject ?? t('mailbox.unparsed.noSubject')}</td>
                <td>
                  <Badge tone="warning">{t('mailbox.unparsed.badge')}</Badge>{' '}
                  <span dir="ltr">{m.error}</span>
                </td>
                <td className="incident-actions">
                  <a href={`/api/mail/messages/${encodeURIComponent(m.id)}/raw`} download>
                    {t('mailbox.unparsed.raw')}
                    <span className="visually-hidden"> {m.subject ?? ''}</span>
                  </a>{' '}
                  <Button
                    busy={busy === `create:${m.id}`}
                    onClick={() =>
                      void run(`create:${m.id}`, async () => {
                        const answer = await api.post<{
                          incident: { id: string; reference: string };
                        }>(`/api/mail/messages/${encodeURIComponent(m.id)}/create-incident`);
                        return {
                          text: t('mailbox.created', { reference: answer.incident.reference }),
                          link: `/incidents/${answer.incident.id}`,
                        };
                      })
                    }
                  >
                    {t('mailbox.unparsed.create')}
                    <span className="visually-hidden"> {m.subject ?? ''}</span>
                  </Button>{' '}
                  <Button
                    variant="quiet"
                    busy={busy === `dismiss:${m.id}`}
                    onClick={() =>
                      void run(`dismiss:${m.id}`, async () => {
                        await api.post(`/api/mail/messages/${encodeURIComponent(m.id)}/dismiss`, {
                          reason: '',
                        });
                        return { text: t('mailbox.dismissed') };
                      })
                    }
                  >
                    {t('mailbox.unparsed.dismiss')}
                    <span className="visually-hidden"> {m.subject ?? ''}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </>
  );
}
