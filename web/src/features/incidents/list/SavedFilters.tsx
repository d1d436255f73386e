import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/errors';
import { useResource } from '../../../app/useResource';
import { Alert, Button, Checkbox, Select, TextField } from '../../../ui';
import { deleteFilter, filterParamsOf, listSavedFilters, saveFilter, type ListFilter } from './api';

/** Pick a saved filter (own or shared), save the current one, delete one's own. */
export function SavedFilters({
  current,
  onPick,
}: {
  current: ListFilter;
  onPick(filter: ListFilter): void;
}) {
  const { t } = useTranslation('incidents');
  const saved = useResource(listSavedFilters, []);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const items = saved.data?.items ?? [];
  const picked = items.find((f) => f.id === chosen);

  async function save(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    try {
      const created = await saveFilter(name.trim(), current, shared);
      setName('');
      setShared(false);
      setDone(t('list.saved.savedAs', { name: created.name }));
      saved.reload();
    } catch (error) {
      setFailure(error);
    }
  }

  async function remove() {
    if (!picked) return;
    setFailure(null);
    try {
      await deleteFilter(picked.id);
      setChosen('');
      setDone(t('list.saved.deleted', { name: picked.name }));
      saved.reload();
    } catch (error) {
      setFailure(error);
    }
  }

  return (
    <section className="saved-filters" aria-labelledby="saved-filters-title">
      <h2 id="saved-filters-title" className="saved-filters__title">
        {t('list.saved.title')}
      </h2>
      <div className="saved-filters__row">
        <Select
          label={t('list.saved.pick')}
          value={chosen}
          onChange={(id) => {
            setChosen(id);
            const filter = items.find((f) => f.id === id);
            if (filter) onPick(filterParamsOf(filter.filter));
          }}
          options={[
            { value: '', label: t('list.saved.none') },
            ...items.map((f) => ({
              value: f.id,
              label: f.mine
                ? f.shared
                  ? t('list.saved.mineShared', { name: f.name })
                  : f.name
                : t('list.saved.sharedBy', { name: f.name, owner: f.owner.name ?? '' }),
            })),
          ]}
        />
        {picked?.mine ? (
          <Button onClick={() => void remove()}>
            {t('list.saved.delete', { name: picked.name })}
          </Button>
        ) : null}
      </div>
      <form className="saved-filters__row" onSubmit={(e) => void save(e)} noValidate>
        <TextField label={t('list.saved.name')} value={name} onChange={setName} maxLength={100} />
        <Checkbox label={t('list.saved.shared')} checked={shared} onChange={setShared} />
        <Button type="submit" disabled={name.trim() === ''}>
          {t('list.saved.save')}
        </Button>
      </form>
      <p role="status" className="muted">
        {done}
      </p>
      {failure ? <Alert tone="error" title={describeError(t, failure).message} /> : null}
    </section>
  );
}
