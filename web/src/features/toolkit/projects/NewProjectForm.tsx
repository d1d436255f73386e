import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, withQuery } from '../../../app/api';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { Alert, Button, Select, TextField } from '../../../ui';
import { splitApiError } from '../../registry/fieldErrors';
import { createProject } from '../api';
import { projectKinds, type ProjectKind } from '../types';

interface CountryList {
  items: Array<{ iso3: string; name: string }>;
}

/** Starts a project: what kind of CIRT, for which country, organisation or sector. */
export function NewProjectForm({ onCreated }: { onCreated(id: string): void }) {
  const { t } = useTranslation('toolkit');
  const lang = currentLocale();
  const countries = useResource(
    () => api.get<CountryList>(withQuery('/api/registry/countries', { lang })),
    [lang],
  );
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ProjectKind>('national');
  const [iso3, setIso3] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [sector, setSector] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const { fields: errors, form } = error ? splitApiError(t, error) : { fields: {}, form: '' };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const project = await createProject({
        name,
        kind,
        iso3: iso3 || null,
        organisation,
        sector,
      });
      onCreated(project.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const sorted = [...(countries.data?.items ?? [])].sort((a, b) =>
    a.name.localeCompare(b.name, lang),
  );
  return (
    <form className="toolkit-panel" onSubmit={(e) => void submit(e)} noValidate>
      <h2 className="toolkit-section-title">{t('core.projects.newTitle')}</h2>
      {error && Object.keys(errors).length === 0 ? <Alert tone="error" title={form} /> : null}
      <TextField
        label={t('core.projects.name')}
        hint={t('core.projects.nameHint')}
        value={name}
        onChange={setName}
        error={errors.name}
        required
      />
      <Select
        label={t('core.projects.kind')}
        value={kind}
        onChange={(v) => setKind(v as ProjectKind)}
        options={projectKinds.map((k) => ({ value: k, label: t(`core.kinds.${k}`) }))}
      />
      <Select
        label={t('core.projects.country')}
        value={iso3}
        onChange={setIso3}
        error={errors.iso3}
        options={[
          { value: '', label: t('core.projects.noCountry') },
          ...sorted.map((c) => ({ value: c.iso3, label: c.name })),
        ]}
      />
      <TextField
        label={t('core.projects.organisation')}
        value={organisation}
        onChange={setOrganisation}
        error={errors.organisation}
      />
      {kind === 'sectoral' ? (
        <TextField
          label={t('core.projects.sector')}
          value={sector}
          onChange={setSector}
          error={errors.sector}
          required
        />
      ) : null}
      <Button type="submit" disabled={busy}>
        {t('core.projects.create')}
      </Button>
    </form>
  );
}
