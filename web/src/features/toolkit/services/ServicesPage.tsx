import { PageHeader } from '../../../ui';

/** Placeholder until this page is written. */
export default function ServicesPage() {
  return <PageHeader title="ServicesPage" />;
}
