import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChecklistEditor } from './ChecklistEditor';
import { ContactsEditor } from './ContactsEditor';
import { LadderEditor } from './LadderEditor';
import { MatrixEditor } from './MatrixEditor';
import { OperatorsEditor } from './OperatorsEditor';
import { RulesEditor } from './RulesEditor';
import { Tabs } from './Tabs';
import { TreeEditor } from './TreeEditor';
import { sections, type Section } from './issues';
import type { EditorProps } from './plan';

export type Part = Section | 'simulate';

interface BcmEditorProps extends EditorProps {
  part: Part;
  onPart(part: Part): void;
  simulate: ReactNode;
}

/** The plan's parts as tabs, each with the number of issues it holds. */
export function BcmEditor({ part, onPart, simulate, ...props }: BcmEditorProps) {
  const { t } = useTranslation('toolkit');
  const parts: Part[] = [...sections, 'simulate'];
  const selected = parts.includes(part) ? part : 'ladder';
  const editors: Record<Section, ReactNode> = {
    ladder: <LadderEditor {...props} />,
    matrix: <MatrixEditor {...props} />,
    contacts: <ContactsEditor {...props} />,
    operators: <OperatorsEditor {...props} />,
    checklist: <ChecklistEditor {...props} />,
    tree: <TreeEditor {...props} />,
    rules: <RulesEditor {...props} />,
  };
  return (
    <Tabs
      label={t('bcm.tabs.label')}
      idPrefix="bcm"
      selected={selected}
      onSelect={(id) => onPart(id as Part)}
      items={parts.map((id) => {
        const count = id === 'simulate' ? 0 : props.issues.count(id);
        return {
          id,
          label: t(`bcm.tabs.${id}`),
          count,
          countLabel: t('bcm.save.issues', { n: count }),
        };
      })}
    >
      {selected === 'simulate' ? simulate : editors[selected]}
    </Tabs>
  );
}
