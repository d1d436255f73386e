import type { Locale } from '../accounts/index.js';
import { phases } from './content.schema.js';
import { docHtml, docMarkdown, type Block, type Doc } from './document.js';
import { docStrings } from './doc-strings.js';
import type { Project } from './project.schema.js';
import { roadmapProgress, type Task } from './roadmap.js';

const phaseNames: Record<Locale, Record<(typeof phases)[number], string>> = {
  en: {
    assessment: 'Assessment',
    design: 'Design',
    establishment: 'Establishment',
    enhancement: 'Enhancement',
  },
  fr: {
    assessment: 'Évaluation',
    design: 'Conception',
    establishment: 'Mise en place',
    enhancement: 'Renforcement',
  },
  es: {
    assessment: 'Evaluación',
    design: 'Diseño',
    establishment: 'Implantación',
    enhancement: 'Mejora',
  },
  ar: {
    assessment: 'التقييم',
    design: 'التصميم',
    establishment: 'الإنشاء',
    enhancement: 'التعزيز',
  },
  ru: {
    assessment: 'Оценка',
    design: 'Проектирование',
    establishment: 'Создание',
    enhancement: 'Развитие',
  },
  zh: { assessment: '评估', design: '设计', establishment: '建立', enhancement: '提升' },
};

export function roadmapDocument(
  project: Pick<Project, 'name'>,
  tasks: Task[],
  lang: Locale,
  generatedAt: string,
): Doc & { json: Record<string, unknown> } {
  const s = docStrings(lang);
  const progress = roadmapProgress(tasks);
  const blocks: Block[] = [
    {
      type: 'facts',
      items: [
        [s.project, project.name],
        [s.progress, `${progress.percent} % (${progress.done} / ${progress.total})`],
      ],
    },
  ];
  for (const phase of phases) {
    const list = tasks.filter((t) => t.phase === phase);
    if (!list.length) continue;
    const p = progress.byPhase.find((x) => x.phase === phase)!;
    blocks.push({ type: 'h2', text: `${phaseNames[lang][phase]} · ${p.percent} %` });
    blocks.push({
      type: 'table',
      head: [s.task, s.owner, s.due, s.status, s.progress, s.closesGap],
      rows: list.map((t) => [
        t.title,
        t.owner ?? '',
        t.due ?? '',
        t.status,
        `${t.status === 'done' ? 100 : t.progress} %`,
        t.gapId ?? '',
      ]),
      numeric: [4],
    });
  }
  return {
    lang,
    title: s.roadmapTitle,
    subtitle: project.name,
    footer: `${s.generated} ${generatedAt}`,
    blocks,
    json: {
      format: 'cirtkit-toolkit-roadmap',
      formatVersion: 1,
      exportedAt: generatedAt,
      progress,
      tasks,
    },
  };
}

export { docHtml as roadmapHtml, docMarkdown as roadmapMarkdown };
