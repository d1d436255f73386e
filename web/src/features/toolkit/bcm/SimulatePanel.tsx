import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { Alert, Button, Select, Table } from '../../../ui';
import { simulateEscalation } from './api';
import { ListField } from './fields';
import type { BcmPlan, Escalation, EscalationResult } from './types';

interface SimulateProps {
  projectId: string;
  /** The saved plan: the one the incidents module would use. */
  plan: BcmPlan;
  saved: boolean;
}

/** Tries the contract the incidents module uses: what a severity change asks for, and of whom. */
export function SimulatePanel({ projectId, plan, saved }: SimulateProps) {
  const { t } = useTranslation('toolkit');
  const [previous, setPrevious] = useState('');
  const [current, setCurrent] = useState(plan.levels.at(-1)?.id ?? '');
  const [sectors, setSectors] = useState<string[]>([]);
  const [result, setResult] = useState<EscalationResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const levels = plan.levels.map((l) => ({ value: l.id, label: l.name }));
  const person = (id: string) => plan.contacts.find((c) => c.id === id)?.name ?? id;
  const what = (e: Escalation) =>
    e.kind === 'owner'
      ? t('bcm.simulate.owner')
      : e.kind === 'checklist'
        ? t('bcm.simulate.step', {
            n: plan.checklist.findIndex((s) => s.id === e.stepId) + 1,
            action: plan.checklist.find((s) => s.id === e.stepId)?.action ?? e.stepId ?? '',
          })
        : (plan.audiences.find((a) => a.id === e.audience)?.name ?? e.audience ?? '');
  /** `matrix.high.audiences.press` → "Matrix: High × Press"; `rules.x` → "Rule: <its name>". */
  const source = (reason: string) => {
    const [root, id, kind, audience] = reason.split('.');
    const level = plan.levels.find((l) => l.id === id)?.name ?? id;
    if (root === 'rules') {
      const rule = plan.rules.find((r) => r.id === id);
      return t('bcm.simulate.fromRule', { rule: rule?.name || id });
    }
    if (kind === 'owner') return t('bcm.simulate.fromOwner', { level });
    const name = plan.audiences.find((a) => a.id === audience)?.name ?? audience;
    return t('bcm.simulate.fromCell', { level, audience: name });
  };
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(
        await simulateEscalation(projectId, {
          previous: previous || null,
          current,
          sectors,
          at: new Date().toISOString(),
        }),
      );
    } catch (caught) {
      setError(caught);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="bcm-simulate-title">
      <h2 id="bcm-simulate-title" className="bcm-section-title">
        {t('bcm.simulate.title')}
      </h2>
      <p className="bcm-intro">{t(saved ? 'bcm.simulate.intro' : 'bcm.simulate.notSaved')}</p>
      <form
        className="bcm-row"
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <Select
          label={t('bcm.simulate.previous')}
          value={previous}
          options={[{ value: '', label: t('bcm.simulate.none') }, ...levels]}
          onChange={setPrevious}
        />
        <Select
          label={t('bcm.simulate.current')}
          value={current}
          options={levels}
          onChange={setCurrent}
        />
        <ListField
          label={t('bcm.simulate.sectors')}
          hint={t('bcm.rules.sectorsHint')}
          value={sectors}
          onChange={setSectors}
        />
        <div className="bcm-row__end">
          <Button type="submit" variant="primary" busy={busy} disabled={!saved}>
            {t('bcm.simulate.run')}
          </Button>
        </div>
      </form>
      {error ? <Alert tone="error" title={describeError(t, error).message} /> : null}
      {result ? (
        <div aria-live="polite">
          {result.note ? (
            <Alert tone="info" title={t(`bcm.simulate.notes.${result.note.kind}`)} />
          ) : null}
          {result.escalations.length === 0 && !result.note ? (
            <p>{t('bcm.simulate.nothing')}</p>
          ) : null}
          {result.escalations.length > 0 ? (
            <Table
              caption={t('bcm.simulate.caption', { n: result.escalations.length })}
              columns={[
                { key: 'due', label: t('bcm.simulate.due') },
                { key: 'what', label: t('bcm.simulate.what') },
                { key: 'who', label: t('bcm.simulate.who') },
                { key: 'channel', label: t('bcm.simulate.channel') },
                { key: 'reason', label: t('bcm.simulate.reason') },
              ]}
            >
              {result.escalations.map((e, i) => (
                <tr key={i} data-escalation={e.kind}>
                  <td className="cell--nowrap">{t('bcm.common.after', { n: e.withinMinutes })}</td>
                  <td>{what(e)}</td>
                  <td>{e.contactIds.map(person).join(', ')}</td>
                  <td>{e.channel ? t(`bcm.channels.${e.channel}`) : '—'}</td>
                  <td>
                    {source(e.reason)}
                    <code className="cell__code">{e.reason}</code>
                  </td>
                </tr>
              ))}
            </Table>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
