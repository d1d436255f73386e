import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { Alert, Badge, Button } from '../../ui';
import { AddTeamDialog } from './AddTeamDialog';
import { RecordFactDialog } from './RecordFactDialog';
import { RetractDialog } from './RetractDialog';
import { TeamHistory } from './TeamHistory';
import type { CountryProfile, Team, TeamEvent } from './types';

interface TeamsSectionProps {
  country: CountryProfile;
  onChanged(): void;
}

/** The country's teams with their dated history; editors can add teams, facts and retractions. */
export function TeamsSection({ country, onChanged }: TeamsSectionProps) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const editor = can('registry.edit');
  const [adding, setAdding] = useState(false);
  const [factFor, setFactFor] = useState<Team | null>(null);
  const [retracting, setRetracting] = useState<TeamEvent | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const done = (message: string) => {
    setNotice(message);
    onChanged();
  };

  return (
    <section aria-labelledby="teams-heading" className="profile-section">
      <div className="section-head">
        <h2 id="teams-heading" className="section-title">
          {t('registry.profile.teams')}
        </h2>
        {editor ? (
          <Button variant="primary" data-testid="add-team" onClick={() => setAdding(true)}>
            {t('registry.addTeam.open')}
          </Button>
        ) : null}
      </div>
      {notice ? <Alert tone="success" title={notice} /> : null}
      {country.teams.length === 0 ? (
        <p className="muted">{t('registry.profile.noTeams')}</p>
      ) : (
        <ul className="team-list">
          {country.teams.map((team) => (
            <li key={team.id} className="team-card" data-team-id={team.id}>
              <div className="team-card__head">
                <h3 className="team-card__name">{team.name}</h3>
                <Badge tone="neutral">{t(`registry.teamType.${team.type}`)}</Badge>
                <Badge
                  tone={team.active === false ? 'danger' : team.active ? 'success' : 'neutral'}
                >
                  {t(
                    team.active === false
                      ? 'registry.team.closed'
                      : team.active
                        ? 'registry.team.active'
                        : 'registry.team.notYet',
                  )}
                </Badge>
                {editor ? (
                  <Button
                    className="team-card__action"
                    aria-label={t('registry.recordFact.openLabel', { team: team.name })}
                    onClick={() => setFactFor(team)}
                  >
                    {t('registry.recordFact.open')}
                  </Button>
                ) : null}
              </div>
              <h4 className="visually-hidden">{t('registry.history.title')}</h4>
              <TeamHistory
                teamName={team.name}
                events={team.events}
                sources={country.sources}
                onRetract={editor ? setRetracting : undefined}
              />
            </li>
          ))}
        </ul>
      )}
      <AddTeamDialog
        open={adding}
        iso3={country.iso3}
        countryName={country.name}
        onClose={() => setAdding(false)}
        onAdded={(team) => {
          setAdding(false);
          done(t('registry.addTeam.done', { team: team.name }));
        }}
      />
      <RecordFactDialog
        team={factFor}
        onClose={() => setFactFor(null)}
        onRecorded={() => {
          const name = factFor?.name ?? '';
          setFactFor(null);
          done(t('registry.recordFact.done', { team: name }));
        }}
      />
      <RetractDialog
        event={retracting}
        onClose={() => setRetracting(null)}
        onRetracted={() => {
          setRetracting(null);
          done(t('registry.retract.done'));
        }}
      />
    </section>
  );
}
