import { PageHeader } from '../../../ui';

/** Placeholder until this page is written. */
export default function ReadinessPage() {
  return <PageHeader title="ReadinessPage" />;
}
