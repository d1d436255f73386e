import { PageHeader } from '../../../ui';

/** Placeholder until this page is written. */
export default function ProjectsPage() {
  return <PageHeader title="ProjectsPage" />;
}
