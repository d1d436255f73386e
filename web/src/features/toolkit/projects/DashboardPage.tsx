import { PageHeader } from '../../../ui';

/** Placeholder until this page is written. */
export default function DashboardPage() {
  return <PageHeader title="DashboardPage" />;
}
