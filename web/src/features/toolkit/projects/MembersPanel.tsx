import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Select, TextField } from '../../../ui';
import { splitApiError } from '../../registry/fieldErrors';
import { addMember, removeMember } from '../api';
import { memberRoles, type MemberRole } from '../types';
import { useProject } from './ProjectContext';

/** Who works on the project; owners invite colleagues who have an account here. */
export function MembersPanel() {
  const { t } = useTranslation('toolkit');
  const { project, members, access, reload } = useProject();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('editor');
  const [error, setError] = useState<unknown>(null);
  const { fields, form } = error ? splitApiError(t, error) : { fields: {}, form: '' };

  async function invite(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await addMember(project.id, email.trim(), role);
      setEmail('');
      reload();
    } catch (e) {
      setError(e);
    }
  }

  async function remove(userId: string) {
    setError(null);
    try {
      await removeMember(project.id, userId);
      reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <article className="toolkit-card toolkit-card--wide">
      <h2 className="toolkit-card__title">{t('core.members.title')}</h2>
      <ul className="toolkit-members">
        {members.map((m) => (
          <li key={m.userId}>
            <span>
              <strong>{m.displayName}</strong> <span className="toolkit-muted">{m.email}</span>
            </span>
            <span className="toolkit-members__role">{t(`core.roles.${m.role}`)}</span>
            {access.canManage &&
            !(m.role === 'owner' && members.filter((x) => x.role === 'owner').length === 1) ? (
              <Button
                variant="quiet"
                onClick={() => void remove(m.userId)}
                aria-label={t('core.members.remove', { name: m.displayName })}
              >
                {t('core.members.removeShort')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {error && !Object.keys(fields).length ? <Alert tone="error" title={form} /> : null}
      {access.canManage ? (
        <form className="toolkit-members__invite" onSubmit={(e) => void invite(e)} noValidate>
          <TextField
            type="email"
            label={t('core.members.email')}
            hint={t('core.members.emailHint')}
            value={email}
            onChange={setEmail}
            error={fields.email}
            autoComplete="off"
          />
          <Select
            label={t('core.members.role')}
            value={role}
            onChange={(v) => setRole(v as MemberRole)}
            options={memberRoles.map((r) => ({ value: r, label: t(`core.roles.${r}`) }))}
          />
          <Button type="submit" variant="secondary">
            {t('core.members.invite')}
          </Button>
        </form>
      ) : null}
    </article>
  );
}
