import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { describeError } from '../../../app/errors';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { useResource } from '../../../app/useResource';
import { currentLocale } from '../../../i18n';
import { Alert, Badge, Button, Loading, PageHeader } from '../../../ui';
import '../../../ui/theme-toolkit.css';
import '../../../ui/theme-toolkit-sim3.css';
import { getSim3Content, type Sim3Model, type Tiers } from '../content';
import { useProject } from '../projects/ProjectContext';
import {
  getSim3,
  sim3Path,
  type Attachment,
  type QuadrantId,
  type RegistryOutcome,
  type Sim3View,
} from './api';
import { evaluateSim3 } from './evaluate';
import { formatCount } from './format';
import { parameterAnchor } from './ParameterCard';
import { QuadrantPanel } from './QuadrantPanel';
import { QuadrantTabs } from './QuadrantTabs';
import { RegistryNote, Sim3Finish } from './Sim3Finish';
import { SaveStatus, Sim3Summary } from './Sim3Summary';
import { TierPanel } from './TierPanel';
import { useSim3Draft } from './useSim3Draft';
import { useStartSim3 } from './useStartSim3';

const quadrantIds: readonly QuadrantId[] = ['O', 'H', 'T', 'P'];
const isQuadrant = (value: string | null): value is QuadrantId =>
  quadrantIds.includes(value as QuadrantId);

/** What the five levels mean, once for the whole page (each option repeats its own). */
function ScaleKey({ model }: { model: Sim3Model }) {
  const { t } = useTranslation('toolkit');
  return (
    <details className="sim3-scale">
      <summary>{t('sim3.page.scale')}</summary>
      <dl className="sim3-scale__list">
        {model.scale.map((s) => (
          <div key={s.level} className="sim3-scale__item">
            <dt>
              <span className="sim3-level__number" aria-hidden="true">
                {formatCount(s.level)}
              </span>
              <span className="visually-hidden">{formatCount(s.level)} </span>
              {s.label}
            </dt>
            <dd>{s.meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

interface EditorProps {
  view: Sim3View;
  model: Sim3Model;
  tiers: Tiers;
  canStart: boolean;
  outcome: RegistryOutcome | null;
  onFinalised(outcome: RegistryOutcome): void;
  onReload(): void;
}

/** The assessment itself, once its content version is loaded. */
function Sim3Editor({ view, model, tiers, canStart, outcome, onFinalised, onReload }: EditorProps) {
  const { t } = useTranslation('toolkit');
  const draft = useSim3Draft(view);
  const a = view.assessment;
  const reassess = useStartSim3(a.projectId);
  const readOnly = !view.canEdit;
  const [files, setFiles] = useState<Attachment[]>(view.attachments);
  const [search, setSearch] = useSearchParams();
  const wanted = search.get('q');
  const active: QuadrantId = isQuadrant(wanted) ? wanted : 'O';
  const [jump, setJump] = useState<string | null>(null);
  const evaluation = useMemo(
    () => evaluateSim3(model, tiers, draft.answers),
    [model, tiers, draft.answers],
  );
  useDocumentTitle(draft.title);

  const select = (id: QuadrantId) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('q', id);
        return next;
      },
      { replace: true },
    );

  const onJump = (parameterId: string) => {
    const quadrant = parameterId.split('-')[0] ?? 'O';
    if (isQuadrant(quadrant)) select(quadrant);
    setJump(parameterId);
  };
  // Once the parameter's quadrant shows, bring the parameter into view and give it focus.
  useEffect(() => {
    if (!jump) return;
    const card = document.getElementById(parameterAnchor(jump));
    if (!card) return;
    card.scrollIntoView({ block: 'start' });
    card.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
    setJump(null);
  }, [jump, active]);

  const blocking: Record<string, number> = {};
  for (const b of evaluation.tiers.blockers) {
    const q = b.parameter.split('-')[0]!;
    blocking[q] = (blocking[q] ?? 0) + 1;
  }
  const quadrant = model.quadrants.find((q) => q.id === active) ?? model.quadrants[0]!;

  return (
    <>
      <PageHeader
        title={draft.title}
        description={t('sim3.page.description', {
          model: model.title,
          version: model.version,
        })}
        actions={
          <>
            <Badge tone={a.status === 'final' ? 'success' : 'neutral'}>
              {t(`sim3.status.${a.status}`)}
            </Badge>
            {a.status === 'final' && canStart ? (
              <Button
                busy={reassess.busy}
                onClick={() => void reassess.start(a.id)}
                data-testid="sim3-reassess-top"
              >
                {t('sim3.finish.reassess')}
              </Button>
            ) : null}
          </>
        }
      />
      {reassess.error ? <Alert tone="error" title={reassess.error} /> : null}
      {outcome ? <RegistryNote outcome={outcome} tiers={tiers} /> : null}
      {outcome ? null : readOnly ? (
        <Alert
          tone="info"
          title={t(a.status === 'final' ? 'sim3.page.final' : 'sim3.page.readOnly')}
        />
      ) : (
        <SaveStatus state={draft.state} onSave={() => void draft.saveNow()} onReload={onReload} />
      )}
      <Sim3Summary evaluation={evaluation} tiers={tiers} />
      <ScaleKey model={model} />
      <QuadrantTabs
        quadrants={model.quadrants}
        scores={evaluation.quadrants}
        blocking={blocking}
        active={active}
        onSelect={select}
      >
        <QuadrantPanel
          key={quadrant.id}
          quadrant={quadrant}
          model={model}
          tiers={tiers}
          evaluation={evaluation}
          answers={draft.answers}
          refused={draft.refused}
          readOnly={readOnly || draft.state.kind === 'conflict'}
          assessmentId={a.id}
          files={files}
          onAnswer={draft.setAnswer}
          onFileAdded={(file) => setFiles((list) => [...list, file])}
          onFileRemoved={(id) => setFiles((list) => list.filter((f) => f.id !== id))}
          onJump={onJump}
        />
      </QuadrantTabs>
      <TierPanel model={model} tiers={tiers} evaluation={evaluation} onJump={onJump} />
      <Sim3Finish
        assessment={a}
        evaluation={evaluation}
        tiers={tiers}
        canEdit={view.canEdit}
        canStart={canStart}
        saveNow={draft.saveNow}
        latestRevision={draft.latestRevision}
        onFinalised={onFinalised}
      />
    </>
  );
}

/** Loads the content version the assessment was made with, then shows the assessment. */
function Sim3WithContent(props: Omit<EditorProps, 'model' | 'tiers'>) {
  const { t } = useTranslation('toolkit');
  const lang = currentLocale();
  const version = props.view.assessment.contentVersion;
  const content = useResource(() => getSim3Content(lang, version), [lang, version]);
  if (content.status === 'failed' && !content.data)
    return <Alert tone="error" title={describeError(t, content.error).message} />;
  if (!content.data) return <Loading />;
  const { assessment } = props.view;
  return (
    <Sim3Editor
      // A reload (after a conflict or finalising) starts a fresh working copy.
      key={`${assessment.id}:${assessment.revision}:${assessment.status}`}
      model={content.data.model}
      tiers={content.data.tiers}
      {...props}
    />
  );
}

/** A SIM3 self-assessment: levels and evidence per parameter, radars, tiers, finalise, export. */
export default function Sim3Page() {
  const { t } = useTranslation('toolkit');
  const { assessmentId = '' } = useParams();
  const { project, access } = useProject();
  const view = useResource(() => getSim3(assessmentId), [assessmentId]);
  // What the registry did when this page finalised the assessment (not kept across pages).
  const [outcome, setOutcome] = useState<{ id: string; registry: RegistryOutcome } | null>(null);

  return (
    <section className="sim3-page">
      <p className="sim3-back">
        <Link to={sim3Path(project.id)}>{t('sim3.page.back')}</Link>
      </p>
      {view.status === 'failed' && !view.data ? (
        <Alert tone="error" title={describeError(t, view.error).message} />
      ) : !view.data || view.data.assessment.id !== assessmentId ? (
        <Loading />
      ) : view.data.assessment.kind !== 'sim3' ? (
        <Alert tone="error" title={t('sim3.page.notSim3')} />
      ) : (
        <Sim3WithContent
          view={view.data}
          canStart={access.canEdit}
          outcome={outcome?.id === assessmentId ? outcome.registry : null}
          onFinalised={(registry) => {
            setOutcome({ id: assessmentId, registry });
            view.reload();
          }}
          onReload={view.reload}
        />
      )}
    </section>
  );
}
