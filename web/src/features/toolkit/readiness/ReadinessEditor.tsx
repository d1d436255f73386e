import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../../app/useDocumentTitle';
import { Button, PageHeader } from '../../../ui';
import type { Questionnaire } from '../content';
import { useProject } from '../projects/ProjectContext';
import type { AssessmentView, RegistryOutcome } from './api';
import { AreaQuestions } from './AreaQuestions';
import { AreaStepper } from './AreaStepper';
import { AssessmentSummary } from './AssessmentSummary';
import { FinaliseDialog } from './FinaliseDialog';
import { formatCount } from './format';
import { RenameForm } from './RenameForm';
import { ResultsView } from './ResultsView';
import { useDraft } from './useDraft';

interface ReadinessEditorProps {
  view: AssessmentView;
  questionnaire: Questionnaire;
  /** The registry's name of the project's country (national projects), for the finalise text. */
  country: string;
  onReload(): void;
  onFinalised(outcome: RegistryOutcome): void;
}

const areaHref = (areaId: string) => `?area=${encodeURIComponent(areaId)}`;
const resultsHref = '?view=results';

/**
 * One assessment, one area at a time: the areas as steps on the start side, the current area's
 * questions, and the results with the gaps. The address says which area or view is open
 * (`?area=`, `?view=results`), so reloading or sharing a link keeps the place.
 */
export function ReadinessEditor({
  view,
  questionnaire,
  country,
  onReload,
  onFinalised,
}: ReadinessEditorProps) {
  const { t } = useTranslation('toolkit');
  const { project } = useProject();
  const draft = useDraft(view);
  const { assessment } = view;
  const [attachments, setAttachments] = useState(view.attachments);
  const [renaming, setRenaming] = useState(false);
  const [finalising, setFinalising] = useState(false);
  const [params] = useSearchParams();
  const { hash } = useLocation();
  const showResults = params.get('view') === 'results';
  const areas = questionnaire.areas;
  const index = Math.max(
    0,
    areas.findIndex((a) => a.id === params.get('area')),
  );
  const area = areas[index]!;
  const editable = view.canEdit && assessment.status === 'draft';
  useDocumentTitle(draft.title);

  // Moving to another area or view puts the reader at its heading (or at the question a link
  // pointed to), as a new page would; the first render leaves focus where it is.
  const areaHeading = useRef<HTMLHeadingElement>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const place = showResults ? 'results' : `${area.id}${hash}`;
  const lastPlace = useRef(place);
  useEffect(() => {
    if (lastPlace.current === place) return;
    lastPlace.current = place;
    const question = hash ? document.getElementById(hash.slice(1)) : null;
    const target = showResults
      ? resultsHeading.current
      : (question?.querySelector<HTMLElement>('h3') ?? areaHeading.current);
    target?.focus();
    target?.scrollIntoView({ block: 'start' });
  }, [place, hash, showResults]);

  return (
    <div className="readiness">
      <PageHeader
        title={<bdi>{draft.title}</bdi>}
        description={t('readiness.page.description', {
          questionnaire: questionnaire.title,
          version: questionnaire.version,
        })}
        actions={
          editable && !renaming ? (
            <Button variant="quiet" onClick={() => setRenaming(true)}>
              {t('readiness.rename.button')}
            </Button>
          ) : null
        }
      />
      {renaming ? (
        <RenameForm
          title={draft.title}
          onRename={draft.rename}
          onClose={() => setRenaming(false)}
        />
      ) : null}
      <AssessmentSummary
        assessment={assessment}
        questionnaire={questionnaire}
        draft={draft}
        editable={editable}
        onFinalise={() => setFinalising(true)}
        onReload={onReload}
      />
      <nav className="rs-views" aria-label={t('readiness.views.label')}>
        <Link
          className="rs-views__link"
          to={areaHref(area.id)}
          aria-current={showResults ? undefined : 'page'}
        >
          {t('readiness.views.questions')}
        </Link>
        <Link
          className="rs-views__link"
          to={resultsHref}
          aria-current={showResults ? 'page' : undefined}
          data-testid="readiness-results-link"
        >
          {t('readiness.views.results', { gaps: formatCount(draft.result.gaps.length) })}
        </Link>
      </nav>
      {showResults ? (
        <ResultsView
          questionnaire={questionnaire}
          answers={draft.answers}
          result={draft.result}
          headingRef={resultsHeading}
          hrefFor={(gap) => `${areaHref(gap.area)}#question-${gap.ref}`}
        />
      ) : (
        <div className="rs-layout">
          <AreaStepper
            questionnaire={questionnaire}
            answers={draft.answers}
            result={draft.result}
            current={area.id}
            hrefFor={areaHref}
          />
          <AreaQuestions
            key={area.id}
            area={area}
            index={index}
            count={areas.length}
            previous={areas[index - 1]}
            next={areas[index + 1]}
            answers={draft.answers}
            readOnly={!editable}
            assessmentId={assessment.id}
            attachments={attachments}
            headingRef={areaHeading}
            hrefFor={areaHref}
            resultsHref={resultsHref}
            onAnswer={draft.setAnswer}
            onFileAdded={(file) => setAttachments((list) => [...list, file])}
            onFileRemoved={(id) => setAttachments((list) => list.filter((f) => f.id !== id))}
          />
        </div>
      )}
      {editable ? (
        <FinaliseDialog
          open={finalising}
          assessmentId={assessment.id}
          project={project}
          country={country}
          draft={draft}
          onCancel={() => setFinalising(false)}
          onDone={(outcome) => {
            setFinalising(false);
            onFinalised(outcome);
          }}
        />
      ) : null}
    </div>
  );
}
