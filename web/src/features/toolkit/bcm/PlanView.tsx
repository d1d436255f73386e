import { useTranslation } from 'react-i18next';
import { Table } from '../../../ui';
import { layTree } from './TreeEditor';
import type { BcmPlan, Cell } from './types';

/** The plan to read (for members who may not change it): the same parts, as tables and lists. */
export function PlanView({ plan }: { plan: BcmPlan }) {
  const { t } = useTranslation('toolkit');
  const person = (id: string | null) =>
    id === null ? t('bcm.common.unassigned') : (plan.contacts.find((c) => c.id === id)?.name ?? id);
  const cellText = (cell: Cell | undefined, audienceId: string) => {
    if (!cell?.informed) return '—';
    const audience = plan.audiences.find((a) => a.id === audienceId);
    const people = (cell.contacts.length > 0 ? cell.contacts : (audience?.contacts ?? [])).map(
      person,
    );
    if (audience?.target === 'affected-operators') people.push(t('bcm.matrix.operatorsDefault'));
    return `≤ ${cell.minutes ?? '?'} ${t('bcm.common.min')} · ${cell.channel ? t(`bcm.channels.${cell.channel}`) : '?'} — ${people.join(', ')}`;
  };
  const { calls } = layTree(plan);
  const branch = (id: string) => (
    <li key={id}>
      {person(id)}
      {calls.get(id)?.length ? <ul>{calls.get(id)!.map((c) => branch(c.callee))}</ul> : null}
    </li>
  );
  return (
    <div className="bcm-view">
      <h2 className="bcm-section-title">{t('bcm.ladder.title')}</h2>
      <Table
        caption={t('bcm.ladder.title')}
        captionHidden
        columns={[
          { key: 'level', label: t('bcm.view.level') },
          { key: 'description', label: t('bcm.ladder.description') },
          { key: 'owner', label: t('bcm.matrix.owner') },
        ]}
      >
        {plan.levels.map((l) => (
          <tr key={l.id}>
            <td>
              <span className="bcm-swatch" style={{ background: l.colour }} aria-hidden="true" />{' '}
              {l.name}
            </td>
            <td>{l.description}</td>
            <td>{person(plan.matrix[l.id]?.owner ?? null)}</td>
          </tr>
        ))}
      </Table>
      <h2 className="bcm-section-title">{t('bcm.matrix.title')}</h2>
      <Table
        caption={t('bcm.matrix.caption')}
        captionHidden
        columns={[
          { key: 'level', label: t('bcm.view.level') },
          ...plan.audiences.map((a) => ({ key: a.id, label: a.name })),
        ]}
      >
        {plan.levels.map((l) => (
          <tr key={l.id}>
            <th scope="row">{l.name}</th>
            {plan.audiences.map((a) => (
              <td key={a.id}>{cellText(plan.matrix[l.id]?.audiences[a.id], a.id)}</td>
            ))}
          </tr>
        ))}
      </Table>
      <h2 className="bcm-section-title">{t('bcm.contacts.title')}</h2>
      <Table
        caption={t('bcm.contacts.title')}
        captionHidden
        columns={[
          { key: 'name', label: t('bcm.contacts.name') },
          { key: 'role', label: t('bcm.contacts.role') },
          { key: 'org', label: t('bcm.contacts.organisation') },
          { key: 'channels', label: t('bcm.view.channels') },
          { key: 'backup', label: t('bcm.contacts.backup') },
        ]}
      >
        {plan.contacts.map((c) => (
          <tr key={c.id}>
            <td>{c.name}</td>
            <td>{c.role}</td>
            <td>{c.organisation}</td>
            <td>
              {c.channels.map((ch) => `${t(`bcm.channels.${ch.type}`)}: ${ch.value}`).join('; ')}
            </td>
            <td>{c.backup ? person(c.backup) : ''}</td>
          </tr>
        ))}
      </Table>
      <h2 className="bcm-section-title">{t('bcm.operators.title')}</h2>
      <Table
        caption={t('bcm.operators.title')}
        captionHidden
        columns={[
          { key: 'operator', label: t('bcm.operators.operator') },
          { key: 'sector', label: t('bcm.operators.sector') },
          { key: 'service', label: t('bcm.operators.service') },
          { key: 'rto', label: t('bcm.operators.rtoHours') },
          { key: 'rpo', label: t('bcm.operators.rpoHours') },
          { key: 'mtpd', label: t('bcm.operators.mtpdHours') },
          { key: 'bcm', label: t('bcm.operators.bcmContact') },
        ]}
      >
        {plan.operators.map((o) => (
          <tr key={o.id}>
            <td>{o.operator}</td>
            <td>{o.sector}</td>
            <td>{o.service}</td>
            <td className="cell--tight">{o.rtoHours}</td>
            <td className="cell--tight">{o.rpoHours}</td>
            <td className="cell--tight">{o.mtpdHours}</td>
            <td>{person(o.bcmContact)}</td>
          </tr>
        ))}
      </Table>
      <h2 className="bcm-section-title">{t('bcm.checklist.title')}</h2>
      <ol className="bcm-view__steps">
        {plan.checklist.map((s) => (
          <li key={s.id}>
            <strong>{t('bcm.common.after', { n: s.atMinutes })}</strong> · {s.action} ·{' '}
            {s.who === null ? person(plan.crisisLead) : person(s.who)}
            {s.done ? <span className="muted"> — {s.done}</span> : null}
          </li>
        ))}
      </ol>
      <h2 className="bcm-section-title">{t('bcm.tree.title')}</h2>
      {plan.crisisLead ? (
        <ul className="bcm-tree">{branch(plan.crisisLead)}</ul>
      ) : (
        <p className="muted">{t('bcm.tree.needLead')}</p>
      )}
    </div>
  );
}
