import { PageHeader } from '../../../ui';

/** Placeholder until this page is written. */
export default function RoadmapPage() {
  return <PageHeader title="RoadmapPage" />;
}
