import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { describeError } from '../../app/errors';
import { useDocumentTitle } from '../../app/useDocumentTitle';
import { useResource } from '../../app/useResource';
import { Alert, Button, Checkbox, Loading, PageHeader, Select, TextField } from '../../ui';
import { TextArea } from '../incidents/components/TextArea';
import { createObject, getObjectVersions, listCollections, updateObject } from './api';
import {
  editorTypeList,
  editorTypes,
  emptyForm,
  fromForm,
  toForm,
  type FieldDef,
  type FieldValues,
} from './authoring';
import { ExchangeNav } from './components/ExchangeNav';
import { tlpLevels, type Tlp } from './types';
import './exchange.css';

/** Server field paths `properties.pattern`, `properties.hashes.MD5` → the editor's field key. */
function fieldOf(path: string, type: string): string {
  const rest = path.replace(/^(body\.)?properties\.?/, '');
  const defs = editorTypes[type] ?? [];
  const match = defs.find(
    (d) => rest === d.key || rest.startsWith(`${d.key}.`) || rest.startsWith(`${d.key}[`),
  );
  return match ? match.key : 'other';
}

/**
 * Creating a STIX object, or a new version of one this team created: a form per type for the
 * properties people fill in, and the other properties as JSON. The instance sets the id, the
 * timestamps, the creator and the TLP marking; the server's checks (STIX schemas, the pattern
 * grammar) answer under the field they concern.
 */
export default function ObjectEditorPage() {
  const { t } = useTranslation('exchange');
  const navigate = useNavigate();
  const { collectionId = '', objectId } = useParams();
  const editing = objectId !== undefined;
  const collections = useResource(listCollections, []);
  const versions = useResource(
    () => (objectId ? getObjectVersions(collectionId, objectId) : Promise.resolve(null)),
    [collectionId, objectId],
  );
  const latest = versions.data?.at(-1);
  const [type, setType] = useState('indicator');
  const [tlp, setTlp] = useState<Tlp>('amber');
  const [values, setValues] = useState<FieldValues>(() => emptyForm('indicator', new Date()));
  const [other, setOther] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const collection = collections.data?.find((c) => c.id === collectionId);
  useDocumentTitle(editing ? t('object.editor.editTitle') : t('object.editor.newTitle'));

  // Editing: the form starts from the latest version.
  useEffect(() => {
    if (!latest) return;
    const o = latest.object as Record<string, unknown>;
    setType(latest.object.type);
    setTlp(latest.tlp);
    const form = toForm(latest.object.type, o);
    setValues(form.values);
    setOther(form.other);
  }, [latest]);

  const defs: readonly FieldDef[] = useMemo(() => editorTypes[type] ?? [], [type]);

  function chooseType(next: string) {
    setType(next);
    setValues(emptyForm(next, new Date()));
    setErrors({});
  }

  async function save() {
    setFailure(null);
    const built = fromForm(type, values, other);
    if (!built.ok) {
      setErrors({ [built.field]: t(`object.editor.problems.${built.problem}`) });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const made = editing
        ? await updateObject(collectionId, objectId, { tlp, properties: built.properties })
        : await createObject(collectionId, { type, tlp, properties: built.properties });
      void navigate(
        `/exchange/collections/${encodeURIComponent(collectionId)}/objects/${encodeURIComponent(made.object.id)}`,
      );
    } catch (e) {
      if (e instanceof ApiError && e.problem.errors?.length) {
        const next: Record<string, string> = {};
        for (const issue of e.problem.errors) {
          const key = fieldOf(issue.field, type);
          next[key] = next[key] ? `${next[key]}; ${issue.message}` : issue.message;
        }
        setErrors(next);
      }
      setFailure(
        e instanceof ApiError && e.status === 409 && e.problem.detail
          ? e.problem.detail
          : describeError(t, e).message,
      );
    } finally {
      setBusy(false);
    }
  }

  if (editing && versions.status === 'loading') return <Loading />;
  if (editing && versions.status === 'failed')
    return <Alert tone="error" title={describeError(t, versions.error).message} />;

  const set = (key: string) => (v: string | boolean) => setValues((old) => ({ ...old, [key]: v }));
  const label = (def: FieldDef) =>
    `${t(`object.editor.fields.${def.label}`)}${def.required ? ` ${t('object.editor.required')}` : ''}`;

  return (
    <section>
      <ExchangeNav />
      <PageHeader
        title={editing ? t('object.editor.editTitle') : t('object.editor.newTitle')}
        description={
          collection ? t('object.editor.inCollection', { collection: collection.title }) : null
        }
      />
      <form
        className="exchange-editor"
        data-testid="object-editor"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <p className="exchange-section__intro">
          {editing ? t('object.editor.editIntro') : t('object.editor.newIntro')}
        </p>
        {failure ? <Alert tone="error" title={failure} testId="editor-error" /> : null}
        <div className="exchange-editor__row">
          <Select
            label={t('object.editor.type')}
            value={type}
            disabled={editing}
            onChange={chooseType}
            options={editorTypeList.map((v) => ({ value: v, label: v }))}
          />
          <Select
            label={t('object.editor.tlp')}
            value={tlp}
            onChange={(v) => setTlp(v as Tlp)}
            options={tlpLevels.map((l) => ({ value: l, label: `TLP:${l.toUpperCase()}` }))}
          />
        </div>
        {defs.map((def) => {
          const id = `field-${def.key.replace(/[^a-z0-9]/gi, '-')}`;
          const error = errors[def.key];
          const hint = t(`object.editor.hints.${def.kind}`, { defaultValue: '' }) || undefined;
          const v = values[def.key];
          if (def.kind === 'boolean')
            return (
              <Checkbox
                key={def.key}
                id={id}
                label={label(def)}
                checked={v === true}
                onChange={set(def.key)}
              />
            );
          if (def.kind === 'select')
            return (
              <Select
                key={def.key}
                id={id}
                label={label(def)}
                value={typeof v === 'string' ? v : ''}
                error={error}
                onChange={set(def.key)}
                options={[
                  { value: '', label: '' },
                  ...(def.options ?? []).map((o) => ({ value: o, label: o })),
                ]}
              />
            );
          if (def.kind === 'textarea' || def.kind === 'pattern' || def.kind === 'refs')
            return (
              <TextArea
                key={def.key}
                id={id}
                label={label(def)}
                hint={hint}
                error={error}
                value={typeof v === 'string' ? v : ''}
                rows={def.kind === 'textarea' ? 4 : 3}
                dir={def.kind === 'textarea' ? undefined : 'ltr'}
                spellCheck={def.kind === 'textarea'}
                onChange={set(def.key)}
              />
            );
          return (
            <TextField
              key={def.key}
              id={id}
              label={label(def)}
              hint={hint}
              error={error}
              value={typeof v === 'string' ? v : ''}
              inputMode={def.kind === 'number' ? 'numeric' : undefined}
              dir={def.kind === 'text' ? undefined : 'ltr'}
              onChange={set(def.key)}
            />
          );
        })}
        <TextArea
          id="field-other"
          label={t('object.editor.other')}
          hint={t('object.editor.otherHint')}
          error={errors.other}
          value={other}
          rows={4}
          dir="ltr"
          spellCheck={false}
          onChange={setOther}
        />
        <div className="exchange-inline">
          <Button type="submit" variant="primary" busy={busy} data-testid="editor-save">
            {editing ? t('object.editor.saveVersion') : t('object.editor.create')}
          </Button>
          <Link
            to={
              editing
                ? `/exchange/collections/${encodeURIComponent(collectionId)}/objects/${encodeURIComponent(objectId)}`
                : '/exchange'
            }
          >
            {t('object.editor.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
