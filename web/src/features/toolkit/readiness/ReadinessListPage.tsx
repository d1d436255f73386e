import { PageHeader } from '../../../ui';

/** Placeholder until this page is written. */
export default function ReadinessListPage() {
  return <PageHeader title="ReadinessListPage" />;
}
