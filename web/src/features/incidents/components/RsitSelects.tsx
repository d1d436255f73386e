import { useTranslation } from 'react-i18next';
import { Select } from '../../../ui';
import type { RsitClass } from '../types';

interface RsitSelectsProps {
  rsit: ReadonlyArray<RsitClass>;
  rsitClass: string | null;
  rsitType: string | null;
  onChange(rsitClass: string | null, rsitType: string | null): void;
  idPrefix: string;
  errors?: { rsitClass?: string; rsitType?: string };
}

/**
 * RSIT class, then a type of that class. Changing the class clears a type that does not belong
 * to it; the type list shows only the class's types, named in the user's language, and the
 * chosen type's description (translated in data/incidents/i18n) is the hint.
 */
export function RsitSelects({
  rsit,
  rsitClass,
  rsitType,
  onChange,
  idPrefix,
  errors,
}: RsitSelectsProps) {
  const { t } = useTranslation('incidents');
  const current = rsit.find((c) => c.id === rsitClass);
  const type = current?.types.find((ty) => ty.id === rsitType);
  return (
    <div className="rsit-selects">
      <Select
        id={`${idPrefix}-rsit-class`}
        label={t('core.fields.rsitClass')}
        value={rsitClass ?? ''}
        error={errors?.rsitClass}
        options={[
          { value: '', label: t('core.fields.notClassified') },
          ...rsit.map((c) => ({ value: c.id, label: c.name })),
        ]}
        onChange={(value) => {
          const next = rsit.find((c) => c.id === value);
          const keep = next?.types.some((ty) => ty.id === rsitType) ? rsitType : null;
          onChange(value || null, keep);
        }}
      />
      <Select
        id={`${idPrefix}-rsit-type`}
        label={t('core.fields.rsitType')}
        value={rsitType ?? ''}
        disabled={!current}
        error={errors?.rsitType}
        hint={type?.description ?? (current ? undefined : t('core.fields.rsitTypeFirst'))}
        options={[
          { value: '', label: t('core.fields.chooseType') },
          ...(current?.types ?? []).map((ty) => ({ value: ty.id, label: ty.name })),
        ]}
        onChange={(value) => onChange(rsitClass, value || null)}
      />
    </div>
  );
}
