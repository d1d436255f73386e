import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { Alert, Badge, Button, EmptyState, Loading, PageHeader, Table, TextField } from '../../ui';
import { lookup } from './api';
import {
  ConstituentsNav,
  CriticalBadge,
  fieldErrors,
  VerificationBadge,
} from './components/common';
import type { OwnerMatch, OwnershipAnswer } from './types';

function ruleText(t: (key: string, options?: Record<string, unknown>) => string, m: OwnerMatch) {
  return m.rule === 'longest-prefix'
    ? t('lookup.rules.longest-prefix', { length: m.prefixLength ?? 0 })
    : t(`lookup.rules.${m.rule}`);
}

function Owner({ match }: { match: OwnerMatch }) {
  const { t } = useTranslation('constituents');
  return (
    <article className="constituents-owner" data-owner={match.org.name}>
      <h3>
        <Link to={`/constituents/orgs/${encodeURIComponent(match.org.id)}`}>{match.org.name}</Link>
      </h3>
      <p className="constituents-badges">
        {t(`common.sectors.${match.org.sector}`)}
        {match.org.critical ? <CriticalBadge /> : null}
        <VerificationBadge status={match.org.verification} />
      </p>
      <dl>
        <dt>{t('lookup.owned')}</dt>
        <dd>
          <span className="constituents-code">{match.value}</span>
        </dd>
        <dt>{t('lookup.rule')}</dt>
        <dd data-testid="rule">{ruleText(t, match)}</dd>
      </dl>
      {match.contacts.length === 0 ? (
        <p>{t('lookup.noContacts')}</p>
      ) : (
        <ul>
          {match.contacts.map((c) => (
            <li key={c.id}>
              {c.name} ({t(`common.roles.${c.role}`)}) — <bdi dir="ltr">{c.email}</bdi>
              {c.phone ? (
                <>
                  {' '}
                  · <bdi dir="ltr">{c.phone}</bdi>
                </>
              ) : null}{' '}
              {c.isPrimary ? <Badge tone="success">{t('org.contacts.primaryBadge')}</Badge> : null}{' '}
              {c.hasPgpKey ? <Badge tone="neutral">{t('lookup.pgp')}</Badge> : null}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function Answer({ answer }: { answer: OwnershipAnswer }) {
  const { t } = useTranslation('constituents');
  return (
    <section className="constituents-section" aria-labelledby="answer-heading" aria-live="polite">
      <h2 id="answer-heading">
        {t('lookup.answerTitle', { kind: t(`lookup.kinds.${answer.queryKind}`) })}{' '}
        <span className="constituents-code">{answer.normalised}</span>
      </h2>
      {answer.matches.length === 0 ? (
        <EmptyState title={t('lookup.nobody')}>
          <p>{t('lookup.nobodyHelp')}</p>
        </EmptyState>
      ) : (
        <>
          {answer.matches.length > 1 ? <p>{t('lookup.shared')}</p> : null}
          {answer.matches.map((m) => (
            <Owner key={`${m.org.id}-${m.value}`} match={m} />
          ))}
        </>
      )}
      {answer.covering.length > 0 ? (
        <Table
          caption={t('lookup.coveringCaption')}
          columns={[
            { key: 'value', label: t('lookup.owned') },
            { key: 'org', label: t('lookup.organisation') },
            { key: 'rule', label: t('lookup.rule') },
          ]}
        >
          {answer.covering.map((m) => (
            <tr key={`${m.org.id}-${m.value}`}>
              <td>
                <span className="constituents-code">{m.value}</span>
              </td>
              <td>
                <Link to={`/constituents/orgs/${encodeURIComponent(m.org.id)}`}>{m.org.name}</Link>
              </td>
              <td>{ruleText(t, m)}</td>
            </tr>
          ))}
        </Table>
      ) : null}
    </section>
  );
}

/** Whose is this? Paste an IP address, AS number, domain, URL or e-mail address. */
export default function LookupPage() {
  const { t } = useTranslation('constituents');
  useDocumentTitle(t('lookup.title'));
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const [draft, setDraft] = useState(query);
  const answer = useResource(() => (query ? lookup(query) : Promise.resolve(null)), [query]);
  const errors = fieldErrors(answer.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  };

  return (
    <section>
      <ConstituentsNav />
      <PageHeader title={t('lookup.title')} description={t('lookup.intro')} />
      <form className="constituents-lookup-form" role="search" onSubmit={submit}>
        <TextField
          label={t('lookup.query')}
          hint={t('lookup.queryHint')}
          dir="ltr"
          value={draft}
          onChange={setDraft}
          error={answer.status === 'failed' ? errors.q : undefined}
          autoComplete="off"
          spellCheck={false}
          data-testid="lookup-query"
        />
        <Button type="submit" variant="primary">
          {t('lookup.submit')}
        </Button>
      </form>
      {answer.status === 'failed' && !errors.q ? (
        <Alert tone="error" title={describeError(t, answer.error).message} />
      ) : null}
      {answer.status === 'loading' && query ? <Loading /> : null}
      {answer.status === 'ready' && answer.data ? <Answer answer={answer.data} /> : null}
    </section>
  );
}
