import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, withQuery } from '../../../app/api';
import { describeError } from '../../../app/errors';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { Alert, Select } from '../../../ui';
import { updateProject } from '../api';
import { useProject } from './ProjectContext';

interface CountryTeams {
  teams: Array<{ id: string; name: string }>;
}

/**
 * The registry team this project builds or assesses. Final SIM3 assessments record their tier
 * on it; national readiness assessments are recorded on the country either way.
 */
export function RegistryLink() {
  const { t } = useTranslation('toolkit');
  const { project, access, reload } = useProject();
  const lang = currentLocale();
  const iso3 = project.iso3 ?? '';
  const country = useResource(
    () =>
      api.get<CountryTeams>(
        withQuery(`/api/registry/countries/${encodeURIComponent(iso3)}`, { lang }),
      ),
    [iso3, lang],
  );
  const [error, setError] = useState<unknown>(null);

  async function link(teamId: string) {
    setError(null);
    try {
      await updateProject(project.id, {
        revision: project.revision,
        registryTeamId: teamId || null,
      });
      reload();
    } catch (e) {
      setError(e);
    }
  }

  const teams = country.data?.teams ?? [];
  const linked = teams.find((team) => team.id === project.registryTeamId);
  return (
    <article className="toolkit-card toolkit-card--wide">
      <h2 className="toolkit-card__title">{t('core.registry.title')}</h2>
      <p className="toolkit-muted">{t('core.registry.help')}</p>
      {access.canEdit ? (
        <Select
          label={t('core.registry.team')}
          value={project.registryTeamId ?? ''}
          onChange={(v) => void link(v)}
          options={[
            { value: '', label: t('core.registry.none') },
            ...teams.map((team) => ({ value: team.id, label: team.name })),
          ]}
        />
      ) : (
        <p>{linked ? linked.name : t('core.registry.none')}</p>
      )}
      <Link to={`/registry/countries/${encodeURIComponent(iso3)}`}>{t('core.registry.open')}</Link>
      {error ? <Alert tone="error" title={describeError(t, error).message} /> : null}
    </article>
  );
}
