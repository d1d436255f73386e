import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Select } from '../../../ui';
import { ErrorText, joinErrors } from './fields';
import { fieldId } from './issues';
import { focusSoon, removeBranch, type EditorProps } from './plan';
import type { BcmPlan } from './types';

type Calls = Map<string, { callee: string; index: number }[]>;

/** The calls that hang from the crisis lead (each person once), and the others. */
export function layTree(plan: BcmPlan): { calls: Calls; loose: number[] } {
  const calls: Calls = new Map();
  const used = new Set<number>();
  if (plan.crisisLead !== null && plan.contacts.some((c) => c.id === plan.crisisLead)) {
    const reached = new Set([plan.crisisLead]);
    const queue = [plan.crisisLead];
    while (queue.length > 0) {
      const caller = queue.shift()!;
      plan.contactTree.forEach((e, index) => {
        if (e.caller !== caller || reached.has(e.callee)) return;
        reached.add(e.callee);
        used.add(index);
        queue.push(e.callee);
        calls.set(caller, [...(calls.get(caller) ?? []), { callee: e.callee, index }]);
      });
    }
  }
  return { calls, loose: plan.contactTree.map((_, i) => i).filter((i) => !used.has(i)) };
}

const nameOf = (plan: BcmPlan, id: string) => plan.contacts.find((c) => c.id === id)?.name ?? id;

interface NodeProps extends EditorProps {
  contactId: string;
  calls: Calls;
  /** Index of the call that reaches this person; none for the crisis lead. */
  edge?: number;
}

/** One person of the tree, the calls they make, and a way to add one. */
function TreeNode({ plan, change, issues, contactId, calls, edge }: NodeProps) {
  const { t } = useTranslation('toolkit');
  const name = nameOf(plan, contactId);
  const contact = plan.contacts.find((c) => c.id === contactId);
  const reach = contact?.channels.find((c) => c.type === 'phone') ?? contact?.channels[0];
  const children = calls.get(contactId) ?? [];
  return (
    <li className="bcm-tree__node" data-tree-node={contactId}>
      <div className="bcm-tree__person">
        <span className="bcm-tree__name">{name}</span>
        {contact?.role ? <span className="muted">{contact.role}</span> : null}
        {reach?.value ? (
          <span className="bcm-tree__reach" dir="auto">
            {t(`bcm.channels.${reach.type}`)}: {reach.value}
          </span>
        ) : null}
        {edge !== undefined ? (
          <Button
            variant="quiet"
            aria-label={t('bcm.tree.removeNamed', { name })}
            onClick={() => {
              change(removeBranch(contactId));
              focusSoon(fieldId('crisisLead'));
            }}
          >
            {t('bcm.tree.remove')}
          </Button>
        ) : null}
      </div>
      {edge !== undefined ? (
        <ErrorText
          id={`${fieldId(`contactTree.${edge}`)}-errors`}
          messages={[
            ...issues.at(`contactTree.${edge}`),
            ...issues.at(`contactTree.${edge}.callee`),
          ]}
        />
      ) : null}
      {children.length > 0 ? (
        <ul className="bcm-tree__children">
          {children.map((c) => (
            <TreeNode
              key={c.callee}
              plan={plan}
              change={change}
              issues={issues}
              contactId={c.callee}
              calls={calls}
              edge={c.index}
            />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** One form to add a call: someone already in the tree calls someone not yet in it. */
function AddCall({ plan, change, calls }: EditorProps & { calls: Calls }) {
  const { t } = useTranslation('toolkit');
  const callers = plan.contacts.filter(
    (c) =>
      c.id === plan.crisisLead || [...calls.values()].some((l) => l.some((x) => x.callee === c.id)),
  );
  const inTree = new Set([plan.crisisLead, ...plan.contactTree.map((e) => e.callee)]);
  const callees = plan.contacts.filter((c) => !inTree.has(c.id));
  const [caller, setCaller] = useState('');
  const [callee, setCallee] = useState('');
  if (callers.length === 0 || callees.length === 0) return null;
  const from = callers.some((c) => c.id === caller) ? caller : callers[0]!.id;
  const to = callees.some((c) => c.id === callee) ? callee : callees[0]!.id;
  return (
    <form
      className="bcm-tree__add"
      aria-labelledby="bcm-tree-add-title"
      onSubmit={(event) => {
        event.preventDefault();
        change((p) => void p.contactTree.push({ caller: from, callee: to }));
        setCallee('');
        focusSoon('bcm-tree-callee');
      }}
    >
      <h3 id="bcm-tree-add-title" className="bcm-subtitle">
        {t('bcm.tree.addTitle')}
      </h3>
      <div className="bcm-row">
        <Select
          id="bcm-tree-caller"
          label={t('bcm.tree.caller')}
          value={from}
          options={callers.map((c) => ({ value: c.id, label: c.name }))}
          onChange={setCaller}
        />
        <Select
          id="bcm-tree-callee"
          label={t('bcm.tree.callee')}
          value={to}
          options={callees.map((c) => ({ value: c.id, label: c.name }))}
          onChange={setCallee}
        />
        <div className="bcm-row__end">
          <Button type="submit">{t('bcm.tree.add')}</Button>
        </div>
      </div>
    </form>
  );
}

/** Who calls whom, from the crisis lead down, as a nested list that can be edited. */
export function TreeEditor(props: EditorProps) {
  const { plan, change, issues } = props;
  const { t } = useTranslation('toolkit');
  const { calls, loose } = layTree(plan);
  return (
    <section aria-labelledby="bcm-tree-title">
      <h2 id="bcm-tree-title" className="bcm-section-title">
        {t('bcm.tree.title')}
      </h2>
      <p className="bcm-intro">{t('bcm.tree.intro')}</p>
      <div className="bcm-lead">
        <Select
          id={fieldId('crisisLead')}
          label={t('bcm.tree.crisisLead')}
          hint={t('bcm.tree.crisisLeadHint')}
          value={plan.crisisLead ?? ''}
          options={[
            { value: '', label: t('bcm.common.choose') },
            ...plan.contacts.map((c) => ({ value: c.id, label: c.name })),
          ]}
          onChange={(v) => change((p) => void (p.crisisLead = v || null))}
          error={joinErrors(issues.at('crisisLead'))}
        />
      </div>
      {plan.crisisLead !== null && plan.contacts.some((c) => c.id === plan.crisisLead) ? (
        <>
          <ul className="bcm-tree" data-testid="bcm-tree">
            <TreeNode {...props} contactId={plan.crisisLead} calls={calls} />
          </ul>
          <AddCall {...props} calls={calls} />
        </>
      ) : (
        <p className="muted">{t('bcm.tree.needLead')}</p>
      )}
      {loose.length > 0 ? (
        <>
          <h3 className="bcm-subtitle">{t('bcm.tree.loose')}</h3>
          <ul className="bcm-loose">
            {loose.map((i) => {
              const e = plan.contactTree[i]!;
              const messages = [
                ...issues.at(`contactTree.${i}`),
                ...issues.at(`contactTree.${i}.caller`),
                ...issues.at(`contactTree.${i}.callee`),
              ];
              return (
                <li
                  key={`${e.caller}-${e.callee}-${i}`}
                  id={fieldId(`contactTree.${i}`)}
                  tabIndex={-1}
                >
                  {t('bcm.tree.call', {
                    caller: nameOf(plan, e.caller),
                    callee: nameOf(plan, e.callee),
                  })}{' '}
                  <Button
                    variant="quiet"
                    onClick={() => change((p) => void p.contactTree.splice(i, 1))}
                  >
                    {t('bcm.tree.removeCall')}
                  </Button>
                  <ErrorText id={`${fieldId(`contactTree.${i}`)}-loose`} messages={messages} />
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
